import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { contractRevertAtomic } from '#conformance/contracts/contractRevertAtomic.ts';
import { txFailedLeavesReceipt } from '#conformance/transactions/txFailedLeavesReceipt.ts';
import { txRawReplayRejected } from '#conformance/transactions/txRawReplayRejected.ts';
import { txTamperedRejected } from '#conformance/transactions/txTamperedRejected.ts';
import { txWrongChainIdRejected } from '#conformance/transactions/txWrongChainIdRejected.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import {
  type ProfileParametersInput,
  ProfileParametersSchema,
} from '#core/profile/ProfileParametersSchema.ts';
import { runCheck } from '#core/run/runCheck.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';

/** TX-02..05 and SC-01 on a real anvil: each passes on the clean chain and fails under its named fault. */
describe('transaction and contract checks on anvil', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let proxied: ChainAdapter;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    direct = await createEvmAdapter({ url: anvil.url, privateKey: anvilDevPrivateKey, embedded: true });
    proxied = await createEvmAdapter({ url: proxy.url, privateKey: anvilDevPrivateKey });
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  const run = (
    check: CheckDefinition,
    adapter: ChainAdapter,
    params: ProfileParametersInput = {},
  ): Promise<CheckResult> =>
    runCheck(check, {
      adapter,
      params: ProfileParametersSchema.parse({ receiptTimeoutMs: 5_000, ...params }),
      progress: () => {},
    });
  const runUnder = (faults: FaultName[], check: CheckDefinition, params: ProfileParametersInput = {}) => {
    proxy.setFaults(faults);
    return run(check, proxied, params);
  };

  const checks = [
    txRawReplayRejected,
    txWrongChainIdRejected,
    txTamperedRejected,
    txFailedLeavesReceipt,
    contractRevertAtomic,
  ];

  it.each(checks.map((c) => [c.catalogueId, c] as const))('%s passes on anvil', async (_, check) => {
    const result = await run(check, direct);
    expect(result, result.summary).toMatchObject({ status: 'pass', checkId: check.id });
  });

  // Control: failures below come from the fault, not from the proxy itself.
  it.each(checks.map((c) => [c.catalogueId, c] as const))(
    '%s passes through the proxy with no fault',
    async (_, check) => {
      const result = await runUnder([], check);
      expect(result, result.summary).toMatchObject({ status: 'pass' });
    },
  );

  it('TX-02 records the rejection of the replay and a nonce that moved once', async () => {
    const result = await run(txRawReplayRejected, direct);
    expect(result.summary).toMatch(/replay rejected with -?\d+ ".*"/);
    expect(result.actual).toMatchObject({ nonceMoves: '1' });
  });

  it('TX-02 fails under replay-accepted', async () => {
    const result = await runUnder(['replay-accepted'], txRawReplayRejected);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/accepted a replay of included transaction 0x[0-9a-f]{64}/);
    // The fault only acknowledges: the chain itself still moved the nonce once.
    expect(result.actual).toMatchObject({ nonceMoves: '1' });
    expect(result.evidence?.replayAnswer).toMatchObject({ accepted: true });
  });

  it('TX-03 fails under wrong-chain-id-accepted', async () => {
    const result = await runUnder(['wrong-chain-id-accepted'], txWrongChainIdRejected);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('accepted a transaction signed for chain id 31338 (target is 31337)');
    expect(result.evidence).toMatchObject({ signedChainId: 31338, answer: { accepted: true } });
  });

  it('TX-04 fails under tampered-tx-accepted and records that the signer nonce did not move', async () => {
    const result = await runUnder(['tampered-tx-accepted'], txTamperedRejected);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('accepted a transaction altered after signing');
    expect(result.evidence).toMatchObject({ signerNonceMoved: false, answer: { accepted: true } });
  });

  it('TX-05 fails under lying-receipts', async () => {
    const result = await runUnder(['lying-receipts'], txFailedLeavesReceipt);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/reports success for a call that always reverts/);
    expect(result.actual).toMatchObject({ status: 'success' });
  });

  it('TX-05 fails under failed-receipt-dropped', async () => {
    const result = await runUnder(['failed-receipt-dropped'], txFailedLeavesReceipt, {
      receiptTimeoutMs: 1_000,
    });
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /^failed transaction left no record: no receipt for 0x[0-9a-f]{64} after 1000 ms/,
    );
  });

  it('SC-01 fails under revert-leaks-state, showing the leaked value', async () => {
    const result = await runUnder(['revert-leaks-state'], contractRevertAtomic);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/slot 0 changed from 0x0+ to 0x[0-9a-f]+ after a reverted call/);
    // The leaked word is the ASCII marker the check tried to write.
    expect(String(result.evidence?.slotAfter)).toContain(Buffer.from('chaineval SC-01').toString('hex'));
  });

  it('SC-01 fails under lying-receipts', async () => {
    const result = await runUnder(['lying-receipts'], contractRevertAtomic);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('receipt reports success for writeThenRevert');
  });
});
