import { describe, expect, it } from 'vitest';
import { clientVersionMissing } from './clientVersionMissing.ts';

describe('clientVersionMissing', () => {
  it('answers web3_clientVersion with -32601 and lets everything else through', () => {
    expect(
      clientVersionMissing({ jsonrpc: '2.0', id: 4, method: 'web3_clientVersion', params: [] }),
    ).toMatchObject({
      id: 4,
      error: { code: -32601 },
    });
    expect(
      clientVersionMissing({ jsonrpc: '2.0', id: 4, method: 'eth_chainId', params: [] }),
    ).toBeUndefined();
  });
});
