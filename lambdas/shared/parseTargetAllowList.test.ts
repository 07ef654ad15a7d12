import { describe, expect, it } from 'vitest';
import { parseTargetAllowList } from './parseTargetAllowList.ts';

describe('parseTargetAllowList', () => {
  const list = parseTargetAllowList([
    'rpc.internal.example',
    '10.0.0.5',
    '10.1.0.0/16',
    'fd00:1::/32',
    '::1',
  ]);

  it('allows listed names, addresses and addresses inside listed ranges as hosts', () => {
    for (const host of ['rpc.internal.example', '10.0.0.5', '10.1.200.3', 'fd00:1:2::9', '::1']) {
      expect(list.allowsHost(host), host).toBe(true);
    }
    for (const host of ['other.example', '10.0.0.6', '10.2.0.1', 'fd00:2::1']) {
      expect(list.allowsHost(host), host).toBe(false);
    }
  });

  it('allows as addresses only listed addresses and ranges, never names', () => {
    expect(list.allowsAddress('10.1.0.1')).toBe(true);
    expect(list.allowsAddress('10.0.0.5')).toBe(true);
    expect(list.allowsAddress('169.254.169.254')).toBe(false);
    expect(list.allowsAddress('rpc.internal.example')).toBe(false);
  });

  it('treats an entry that is neither an address nor a valid range as a name', () => {
    const odd = parseTargetAllowList(['10.0.0.0/33', 'rpc/8']);
    expect(odd.allowsAddress('10.0.0.1')).toBe(false);
    expect(odd.allowsHost('10.0.0.0/33')).toBe(true);
  });
});
