import { describe, expect, it } from 'vitest';
import { createFaultContexts } from './createFaultContexts.ts';
import type { FaultName } from './faultCatalogue.ts';
import { interceptRequest } from './interceptRequest.ts';
import { createProxyState, type ProxyState } from './ProxyState.ts';
import type { UpstreamClient } from './UpstreamClient.ts';

const faults = (...names: FaultName[]) => new Set(names);

/** Interception never asks the chain: an upstream that is never reached. */
const unreachable: UpstreamClient = {
  forward: () => Promise.reject(new Error('interception must not reach the chain')),
  call: () => Promise.reject(new Error('interception must not reach the chain')),
};
const contexts = (state: ProxyState = createProxyState()) => createFaultContexts(state, unreachable);

describe('interceptRequest', () => {
  it('lets an exposed admin namespace override the allow-list', async () => {
    const request = { id: 1, method: 'admin_peers' };
    expect((await interceptRequest(request, faults(), contexts(), ['eth']))?.error?.code).toBe(-32601);
    expect(
      (await interceptRequest(request, faults('admin-namespace-exposed'), contexts(), ['eth']))?.result,
    ).toBeDefined();
  });

  it('blocks a hidden method before drop-transactions could acknowledge it', async () => {
    const state = createProxyState();
    state.submissionsWhileDropping = 9;
    const request = { id: 1, method: 'eth_sendRawTransaction', params: ['0x02'] };
    const answer = await interceptRequest(request, faults('drop-transactions'), contexts(state), ['net']);
    expect(answer?.error?.code).toBe(-32601);
    expect(state.submissionsWhileDropping).toBe(9);
  });

  it('forwards everything when no fault or list applies', async () => {
    expect(
      await interceptRequest({ id: 1, method: 'eth_chainId' }, faults(), contexts(), undefined),
    ).toBeUndefined();
  });
});
