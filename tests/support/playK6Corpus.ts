import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { K6CorpusItem, K6QueryItem } from '#load/k6/K6ExportManifestSchema.ts';
import { k6ExportFiles, k6MetricNames } from '#load/k6/renderK6Script.ts';
import { lateSendThresholdMs } from '#load/mergeShards.ts';

/** k6's trend percentile: linear interpolation between the closest ranks. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

function trend(samples: readonly number[]): {
  type: 'trend';
  contains: 'time';
  values: Record<string, number>;
} {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    type: 'trend',
    contains: 'time',
    values: {
      avg: s.length === 0 ? 0 : sum / s.length,
      min: s[0] ?? 0,
      med: percentile(s, 50),
      max: s.at(-1) ?? 0,
      'p(90)': percentile(s, 90),
      'p(95)': percentile(s, 95),
      'p(99)': percentile(s, 99),
      count: s.length,
    },
  };
}

const counter = (count: number) => ({
  type: 'counter' as const,
  contains: 'default',
  values: { count, rate: 0 },
});

/**
 * A stand-in for `k6 run` of an exported script, for e2e tests only (no k6 binary can be installed
 * here): it does what the generated script's default function does for each corpus item — POST
 * eth_sendRawTransaction at the intended time (open model, every send on its own timer), ack latency
 * and send lag from the intended time, accepted when the node answers the hash — and returns the
 * object k6 would hand handleSummary (the chaineval metrics only), with the manifest beside it as the
 * script's handleSummary writes it. Bounded: the corpus is the schedule; each request has a deadline.
 */
export async function playK6Corpus(exportDir: string, targetUrl: string): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(await readFile(join(exportDir, k6ExportFiles.manifest), 'utf8'));
  const corpus: (K6CorpusItem | K6QueryItem)[] = JSON.parse(
    await readFile(join(exportDir, k6ExportFiles.corpus), 'utf8'),
  );
  const ack: number[] = [];
  const lag: number[] = [];
  let late = 0;
  let accepted = 0;
  let rejected = 0;
  // One request first, so connection set-up and first-call compilation do not make the first sends late.
  await fetch(targetUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(10_000),
  }).then((r) => r.text());
  const startMs = Date.now() + 300;
  await Promise.all(
    corpus.map(
      (item) =>
        new Promise<void>((resolve) => {
          const intendedMs = startMs + item.t;
          setTimeout(
            async () => {
              const lagMs = Date.now() - intendedMs;
              lag.push(Math.max(0, lagMs));
              if (lagMs > lateSendThresholdMs) late += 1;
              let ok = false;
              try {
                const request =
                  'method' in item
                    ? { method: item.method, params: item.params }
                    : { method: 'eth_sendRawTransaction', params: [item.raw] };
                const res = await fetch(targetUrl, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({ jsonrpc: '2.0', id: item.i, ...request }),
                  signal: AbortSignal.timeout(10_000),
                });
                const answer = res.status === 200 ? ((await res.json()) as { result?: unknown }) : null;
                const got = typeof answer?.result === 'string' ? answer.result.toLowerCase() : undefined;
                // As the script's normalise(): a quantity is compared without leading zeros.
                const normalised =
                  got !== undefined && 'kind' in item && item.kind === 'quantity'
                    ? `0x${got.slice(2).replace(/^0+/, '') || '0'}`
                    : got;
                ok = normalised === ('method' in item ? item.expect : item.hash);
              } catch {
                ok = false;
              }
              if (ok) {
                accepted += 1;
                ack.push(Date.now() - intendedMs);
              } else {
                rejected += 1;
              }
              resolve();
            },
            Math.max(0, intendedMs - Date.now()),
          );
        }),
    ),
  );
  const n = k6MetricNames;
  return {
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: Date.now() - startMs },
    metrics: {
      [n.sendLag]: trend(lag),
      [n.lateSends]: counter(late),
      [n.accepted]: counter(accepted),
      [n.rejected]: counter(rejected),
      [n.acceptRate]: {
        type: 'rate',
        contains: 'default',
        values: { rate: accepted / Math.max(1, accepted + rejected), passes: accepted, fails: rejected },
      },
      [n.checks]: {
        type: 'rate',
        contains: 'default',
        values: { rate: accepted / corpus.length, passes: accepted, fails: rejected },
      },
      ...(ack.length === 0 ? {} : { [n.ackLatency]: trend(ack) }),
    },
    chaineval: manifest,
  };
}
