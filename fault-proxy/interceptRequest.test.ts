import { describe, expect, it } from 'vitest';
import type { FaultName } from './faultCatalogue.ts';
import { interceptRequest } from './interceptRequest.ts';
import { createProxyState } from './ProxyState.ts';

const faults = (...names: FaultName[]) => new Set(names);

describe('interceptRequest', () => {
  it('lets an exposed admin namespace override the allow-list', () => {
    const request = { id: 1, method: 'admin_peers' };
    expect(interceptRequest(request, faults(), createProxyState(), ['eth'])?.error?.code).toBe(-32601);
    expect(
      interceptRequest(request, faults('admin-namespace-exposed'), createProxyState(), ['eth'])?.result,
    ).toBeDefined();
  });

  it('blocks a hidden method before drop-transactions could acknowledge it', () => {
    const state = createProxyState();
    state.submissionsWhileDropping = 9;
    const request = { id: 1, method: 'eth_sendRawTransaction', params: ['0x02'] };
    expect(interceptRequest(request, faults('drop-transactions'), state, ['net'])?.error?.code).toBe(-32601);
    expect(state.submissionsWhileDropping).toBe(9);
  });

  it('forwards everything when no fault or list applies', () => {
    expect(
      interceptRequest({ id: 1, method: 'eth_chainId' }, faults(), createProxyState(), undefined),
    ).toBeUndefined();
  });
});
