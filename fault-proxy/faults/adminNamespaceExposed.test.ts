import { describe, expect, it } from 'vitest';
import { adminNamespaceExposed } from './adminNamespaceExposed.ts';

describe('adminNamespaceExposed', () => {
  it('answers admin_nodeInfo and admin_peers with geth-shaped results', () => {
    const info = adminNamespaceExposed({ id: 1, method: 'admin_nodeInfo', params: [] });
    expect(info?.result).toMatchObject({ enode: expect.stringMatching(/^enode:\/\//), ip: '127.0.0.1' });
    const peers = adminNamespaceExposed({ id: 2, method: 'admin_peers' });
    expect(Array.isArray(peers?.result) && peers.result.length).toBe(1);
  });

  it('answers any other admin_* method with success', () => {
    expect(adminNamespaceExposed({ id: 3, method: 'admin_addPeer', params: ['enode://x'] })).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: true,
    });
  });

  it('leaves other namespaces to the chain', () => {
    expect(adminNamespaceExposed({ id: 4, method: 'eth_chainId' })).toBeUndefined();
  });
});
