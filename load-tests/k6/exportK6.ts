import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Hex, parseTransaction } from 'viem';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { prepareLoadWorkload } from '../prepareLoadWorkload.ts';
import { presignTransfers } from '../presignTransfers.ts';
import { queryLoadScenario } from '../queryLoadScenario.ts';
import { identityPrecompile, queryPayload, queryScenarioName } from '../runQueryShard.ts';
import { transferScenarioName } from '../runTransferShard.ts';
import { constantArrivalRate } from '../scenarios/constantArrivalRate.ts';
import { transferLoadScenario } from '../transferLoadScenario.ts';
import {
  type K6CorpusItem,
  type K6ExportManifest,
  K6ExportManifestSchema,
  type K6QueryItem,
  k6ExportFormat,
} from './K6ExportManifestSchema.ts';
import { k6ExportFiles, renderK6Script } from './renderK6Script.ts';

/** A corpus this large no longer fits one k6 instance's memory comfortably (≈ 400 bytes a request). */
export const maxK6CorpusTransactions = 2_000_000;
/** Time allowed for the funding transfers to land (as prepareRun). */
const fundingTimeoutMs = 60_000;

export interface ExportK6Props {
  readonly scenario: 'transfer' | 'query';
  readonly adapter: AdapterWith<'account.fund' | 'tx.clientSign' | 'account.nonce'>;
  /** Reserved for the run the import will store; the senders are derived from it. */
  readonly runId: string;
  readonly profile: K6ExportManifest['profile'];
  /** Effective parameters (profile defaults + overrides), as a run plan holds them. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly overridden: readonly string[];
  readonly shardCount: number;
  readonly outDir: string;
  readonly progress: (line: string) => void;
  readonly now?: () => Date;
}

interface ExportParams {
  readonly loadRateTps: number;
  readonly loadDurationS: number;
  readonly loadSuccessRateMin: number;
  readonly loadLatencyP95MaxMs: number;
  readonly loadMinTransactions: number;
  readonly loadWorkload: 'transfer' | 'contract-write';
  readonly queryRateRps: number;
  readonly queryDurationS: number;
  readonly queryLatencyP95MaxMs: number;
}

/**
 * `chaineval export k6`: a scenario of chaineval's own load as a k6 corpus, from the same code. The
 * senders (or, for reads, the identities whose balance is read) are derived from the run id and role
 * `load/<scenario>/shard-<i>` with the count and budget the scenario's `senders` gives, as planRun
 * names them, and funded by the export from the operator's account (the script would need the
 * operator's key otherwise, and k6 cannot sign). The schedule is scenarios/constantArrivalRate.ts
 * (shard i owns send i mod shardCount). Transfers: the same workload and signing (presignTransfers,
 * over the adapter's signing pool) as chaineval's load, so a k6 run offers the chain exactly the load
 * `chaineval evaluate` would, once, in order. Reads: runQueryShard's queries (balance reads of the
 * shard's identity and eth_call of the identity precompile, alternating) with the answer each must get.
 */
export async function exportK6(props: ExportK6Props): Promise<K6ExportManifest> {
  const params = props.parameters as unknown as ExportParams;
  const transfer = props.scenario === 'transfer';
  const shape = transfer
    ? { rateTps: params.loadRateTps, durationS: params.loadDurationS }
    : { rateTps: params.queryRateRps, durationS: params.queryDurationS };
  const total = Math.max(1, Math.round(shape.rateTps * shape.durationS));
  if (total > maxK6CorpusTransactions) {
    throw new ConfigError(
      `${total} requests (${shape.rateTps}/s for ${shape.durationS} s) are more than one k6 corpus holds (${maxK6CorpusTransactions}); lower the rate or the duration`,
    );
  }
  const { adapter, runId, shardCount } = props;
  const scenario = transfer ? transferLoadScenario : queryLoadScenario;
  const plan = scenario.senders(params as never, shardCount);
  const amount = await adapter.accounts.quote(plan.budget);
  const shards = Array.from({ length: shardCount }, (_, shardIndex) => ({
    shardIndex,
    identities: adapter.identities.derive(
      `${runId}/load/${transfer ? transferScenarioName : queryScenarioName}/shard-${shardIndex}`,
      plan.count,
    ),
  }));
  const requests = shards.flatMap((s) => s.identities.map((identity) => ({ identity, amount })));
  props.progress(`funding ${requests.length} account(s) from ${adapter.identities.primary.address} …`);
  await fundIdentities(adapter, adapter.identities.primary, requests, { timeoutMs: fundingTimeoutMs });

  const corpus: (K6CorpusItem | K6QueryItem)[] = [];
  const senders: { address: string; shardIndex: number; firstNonce: number; transactions: number }[] = [];
  const subjects: { address: string; shardIndex: number; balance: string }[] = [];
  for (const { shardIndex, identities } of shards) {
    const schedule = constantArrivalRate(shape, shardIndex, shardCount);
    if (!transfer) {
      // The identity is never spent from, so its balance now is the answer every read must get.
      const subject = identities[0]!.address;
      const balance = `0x${(await adapter.accounts.getBalance(subject)).toString(16)}`;
      subjects.push({ address: subject, shardIndex, balance });
      for (const s of schedule) {
        const data = queryPayload(s.index);
        corpus.push(
          s.index % 2 === 0
            ? {
                i: s.index,
                t: s.offsetMs,
                method: 'eth_getBalance',
                params: [subject, 'latest'],
                expect: balance,
                kind: 'quantity',
              }
            : {
                i: s.index,
                t: s.offsetMs,
                method: 'eth_call',
                params: [{ to: identityPrecompile, data }, 'latest'],
                expect: data,
                kind: 'data',
              },
        );
      }
      continue;
    }
    const workload = await prepareLoadWorkload(params.loadWorkload, adapter, identities);
    props.progress(`signing shard ${shardIndex + 1}/${shardCount}: ${schedule.length} transaction(s) …`);
    const transfers = await presignTransfers(adapter, identities, identities[0]!.address, schedule, workload);
    const items = transfers.map((t): K6CorpusItem => {
      // Read back from the signed bytes, so the corpus states what the chain will see.
      const nonce = parseTransaction(t.signed.raw as Hex).nonce;
      if (nonce === undefined)
        throw new Error(`signed transaction ${t.txId} carries no nonce (a harness bug)`);
      return { i: t.index, t: t.offsetMs, raw: t.signed.raw, hash: t.txId, from: t.signed.from, nonce };
    });
    corpus.push(...items);
    for (const identity of identities) {
      const own = items.filter((i) => i.from.toLowerCase() === identity.address.toLowerCase());
      if (own.length === 0) continue;
      senders.push({
        address: identity.address,
        shardIndex,
        firstNonce: Math.min(...own.map((i) => i.nonce)),
        transactions: own.length,
      });
    }
  }
  corpus.sort((a, b) => a.i - b.i);
  const corpusText = `[\n${corpus.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`;
  const common = {
    format: k6ExportFormat,
    runId,
    createdAt: (props.now ?? (() => new Date()))().toISOString(),
    harnessVersion,
    profile: props.profile,
    parameters: props.parameters,
    overridden: [...props.overridden],
    shape: { executor: 'constant-arrival-rate' as const, ...shape },
    shardCount,
    transactions: corpus.length,
    target: adapter.info,
    corpus: { file: k6ExportFiles.corpus, sha256: createHash('sha256').update(corpusText).digest('hex') },
  };
  const manifest = K6ExportManifestSchema.parse(
    transfer
      ? {
          ...common,
          scenario: 'transfer',
          senders,
          thresholds: {
            loadLatencyP95MaxMs: params.loadLatencyP95MaxMs,
            loadSuccessRateMin: params.loadSuccessRateMin,
            loadMinTransactions: params.loadMinTransactions,
          },
        }
      : {
          ...common,
          scenario: 'query',
          subjects,
          thresholds: {
            queryLatencyP95MaxMs: params.queryLatencyP95MaxMs,
            loadSuccessRateMin: params.loadSuccessRateMin,
            loadMinTransactions: params.loadMinTransactions,
          },
        },
  );
  await mkdir(props.outDir, { recursive: true });
  await writeFile(join(props.outDir, k6ExportFiles.corpus), corpusText);
  await writeFile(join(props.outDir, k6ExportFiles.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(props.outDir, k6ExportFiles.script), renderK6Script(manifest));
  return manifest;
}
