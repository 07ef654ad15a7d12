import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { apiDangerousMethodsHidden } from '#conformance/api/apiDangerousMethodsHidden.ts';
import { apiJsonRpcErrorCodes } from '#conformance/api/apiJsonRpcErrorCodes.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { runCheck } from '#core/run/runCheck.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';

/** API-01 and API-02 on a real anvil, bare and behind the fault proxy acting as an RPC gateway. */
describe('API checks on anvil', () => {
  let anvil: RunningAnvil;
  let gateway: RunningFaultProxy;
  let direct: ChainAdapter;
  let viaGateway: ChainAdapter;

  beforeAll(async () => {
    anvil = await startAnvil();
    // A real deployment pattern: a gateway that forwards only the public namespaces.
    gateway = await startFaultProxy({ upstreamUrl: anvil.url, allowedNamespaces: ['eth', 'net', 'web3'] });
    direct = await createEvmAdapter({ url: anvil.url, privateKey: anvilDevPrivateKey, embedded: true });
    viaGateway = await createEvmAdapter({ url: gateway.url, privateKey: anvilDevPrivateKey });
  });
  afterAll(async () => {
    await gateway?.close();
    await anvil?.stop();
  });

  const params = ProfileParametersSchema.parse({});
  const run = (check: CheckDefinition, adapter: ChainAdapter): Promise<CheckResult> =>
    runCheck(check, { adapter, params, progress: () => {} });
  const runUnder = (faults: FaultName[], check: CheckDefinition) => {
    gateway.setFaults(faults);
    return run(check, viaGateway);
  };
  const exposedMethods = (result: CheckResult): string[] =>
    (result.actual as { exposed: { method: string }[] }).exposed.map((e) => e.method);

  it('API-01 fails on bare anvil, which serves debug_ and anvil_ cheat codes (an honest finding)', async () => {
    const result = await run(apiDangerousMethodsHidden, direct);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/dangerous methods exposed: .*debug_traceTransaction.*anvil_setBalance/);
    expect(exposedMethods(result)).toEqual([
      'debug_traceTransaction',
      'anvil_setBalance',
      'hardhat_setBalance',
    ]);
    // Probed with a wrong-type argument, so anvil refused the arguments, not the caller.
    expect(JSON.stringify(result.evidence)).toContain('-32602');
  });

  it('API-01 passes behind a gateway that allows only eth, net and web3', async () => {
    const result = await runUnder([], apiDangerousMethodsHidden);
    expect(result, result.summary).toMatchObject({ status: 'pass', actual: { exposed: [] } });
  });

  it('API-01 fails under admin-namespace-exposed', async () => {
    const result = await runUnder(['admin-namespace-exposed'], apiDangerousMethodsHidden);
    expect(result.status).toBe('fail');
    // The fault answers admin_* past the gateway's allow-list; everything else stays hidden.
    const admin = params.dangerousRpcMethods.filter((m) => m.startsWith('admin_'));
    expect(admin).toEqual(['admin_nodeInfo', 'admin_peers']);
    expect(exposedMethods(result)).toEqual(admin);
    expect(result.summary).toContain(
      `2 of ${params.dangerousRpcMethods.length} dangerous methods exposed: admin_nodeInfo, admin_peers`,
    );
  });

  it('API-02 passes on anvil and records the -32600 answer to malformed JSON as a tolerated deviation', async () => {
    const result = await run(apiJsonRpcErrorCodes, direct);
    expect(result, result.summary).toMatchObject({ status: 'pass' });
    expect(result.actual).toEqual({
      'unknown-method': -32601,
      'invalid-params': -32602,
      'invalid-request': -32600,
      'parse-error': -32600,
    });
    expect(result.summary).toContain('tolerated deviation: parse-error answered -32600');
  });

  it('API-02 passes through the gateway with no fault', async () => {
    const result = await runUnder([], apiJsonRpcErrorCodes);
    expect(result, result.summary).toMatchObject({ status: 'pass' });
  });

  it('API-02 fails under wrong-error-codes', async () => {
    const result = await runUnder(['wrong-error-codes'], apiJsonRpcErrorCodes);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /^4 of 4 error cases wrong: unknown-method answered -32000, expected -32601/,
    );
    expect(Object.values(result.actual as Record<string, unknown>)).toEqual([-32000, -32000, -32000, -32000]);
  });
});
