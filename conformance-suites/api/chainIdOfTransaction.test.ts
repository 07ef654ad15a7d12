import { describe, expect, it } from 'vitest';
import { chainIdOfTransaction } from './chainIdOfTransaction.ts';

describe('chainIdOfTransaction', () => {
  it('reads chainId of typed transactions and EIP-155 v of legacy ones', () => {
    expect(chainIdOfTransaction({ type: '0x2', chainId: '0x7a69' })).toEqual({
      kind: 'bound',
      chainId: 31337n,
      from: 'chainId',
    });
    // ganache 7.9.2: a legacy transaction without chainId, v = 1337·2 + 36
    expect(chainIdOfTransaction({ type: '0x0', v: '0xa96' })).toEqual({
      kind: 'bound',
      chainId: 1337n,
      from: 'v',
    });
    expect(chainIdOfTransaction({ v: '0xf4f5', chainId: '0x7a69' })).toEqual({
      kind: 'bound',
      chainId: 31337n,
      from: 'v',
    });
  });

  it('records pre-EIP-155 transactions and refuses contradictions', () => {
    expect(chainIdOfTransaction({ type: '0x0', v: '0x1b' })).toEqual({ kind: 'unprotected' });
    expect(chainIdOfTransaction({ type: '0x0', v: '0xf4f5', chainId: '0x1' }).kind).toBe('unreadable');
    expect(chainIdOfTransaction({ type: '0x2' }).kind).toBe('unreadable');
  });
});
