import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcResult } from '../JsonRpcMessage.ts';

/** What geth answers for its node (shape of admin_nodeInfo), with fixed placeholder keys. */
const nodeInfo = {
  id: '3ab9a4e7a4fd83c3b5d4a0a3ef5e5e6a8e0f4f1c6b2e7a1d9c8b7a6f5e4d3c2b',
  name: 'Geth/v1.14.8-stable/linux-amd64/go1.22.6',
  enode:
    'enode://6f8a80d14311c39f35f516fa664deaaaa13e85b2f7493f37f6144d86991ec012937307647bd3b9a82abe2974e1407241d54947bbb39763a4cac9f77166ad92a0@127.0.0.1:30303',
  ip: '127.0.0.1',
  listenAddr: '[::]:30303',
  ports: { discovery: 30303, listener: 30303 },
  protocols: { eth: { network: 1, difficulty: 0, genesis: `0x${'0'.repeat(64)}` } },
};

const adminResults: Readonly<Record<string, unknown>> = {
  admin_nodeInfo: nodeInfo,
  admin_peers: [
    {
      id: '5d7f6e5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918',
      name: 'Geth/v1.14.8-stable/linux-amd64/go1.22.6',
      network: {
        localAddress: '127.0.0.1:30303',
        remoteAddress: '127.0.0.1:30304',
        inbound: false,
        trusted: false,
        static: false,
      },
      protocols: { eth: { version: 68 } },
    },
  ],
  admin_datadir: '/var/lib/geth',
};

/**
 * admin-namespace-exposed: node administration methods answer to anyone with RPC access (JR/T
 * 0184-2020 16.8; caught by API-01). Every admin_* method succeeds, whatever upstream or the
 * namespace allow-list would say; methods without a canned answer return true (geth's answer to
 * admin_addPeer, admin_startHTTP, ...).
 */
export function adminNamespaceExposed(request: JsonRpcRequest): JsonRpcResponse | undefined {
  if (!request.method.startsWith('admin_')) return undefined;
  return jsonRpcResult(request.id, adminResults[request.method] ?? true);
}
