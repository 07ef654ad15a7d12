import { describe, expect, it } from 'vitest';
import { findPrivateRange } from './findPrivateRange.ts';

describe('findPrivateRange', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/8'],
    ['10.1.2.3', '10.0.0.0/8'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.168.0.1', '192.168.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['100.64.0.1', '100.64.0.0/10'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['224.0.0.1', '224.0.0.0/4'],
    ['255.255.255.255', '240.0.0.0/4'],
    ['::1', '::1/128'],
    ['::', '::/128'],
    ['fd00:ec2::254', 'fc00::/7'],
    ['fe80::1', 'fe80::/10'],
    ['ff02::1', 'ff00::/8'],
    ['64:ff9b::a00:1', '64:ff9b::/96'],
    ['::ffff:127.0.0.1', '127.0.0.0/8'],
    ['::ffff:a00:5', '10.0.0.0/8'],
  ])('puts %s in %s', (address, cidr) => {
    expect(findPrivateRange(address)?.cidr).toBe(cidr);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'finds no range for the public address %s',
    (address) => {
      expect(findPrivateRange(address)).toBeUndefined();
    },
  );

  it('throws on something that is not an IP address', () => {
    expect(() => findPrivateRange('localhost')).toThrow(/expects an IP address, got "localhost"/);
  });
});
