import { describe, expect, it } from 'vitest';
import { nondeterministicCall } from './nondeterministicCall.ts';

const call = { id: 1, method: 'eth_call', params: [{ to: `0x${'11'.repeat(20)}` }, '0x7'] };

describe('nondeterministicCall', () => {
  it('executes every second call at a past block at latest', () => {
    const counter = { calls: 0 };
    const blocks = [1, 2, 3, 4].map(() => (nondeterministicCall(call, counter).params as unknown[])[1]);
    expect(blocks).toEqual(['0x7', 'latest', '0x7', 'latest']);
  });

  it('does not count or change calls at latest and other methods', () => {
    const counter = { calls: 0 };
    const latest = { ...call, params: [call.params[0], 'latest'] };
    const code = { id: 1, method: 'eth_getCode', params: [`0x${'11'.repeat(20)}`, '0x7'] };
    expect(nondeterministicCall(latest, counter)).toBe(latest);
    expect(nondeterministicCall(code, counter)).toBe(code);
    expect(counter.calls).toBe(0);
  });
});
