import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';

const percent = (share: number): string => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * One line on the committed count against the on-chain ground truth (the window's blocks'
 * transaction counts, load-tests/mergeShards.ts), saying which is higher and what that usually
 * means when they are more than 1% apart. The verdicts do not read it, and the line says so: a
 * disagreement says the figure needs a look, not that the chain failed. Undefined without ground
 * truth (shards stored before it, or the block list had a gap).
 */
export function groundTruthLine(
  m: LoadMetrics,
): { readonly text: string; readonly warning: boolean } | undefined {
  const g = m.groundTruth;
  if (!g) return undefined;
  const blocks = g.fromBlock === g.toBlock ? `block ${g.fromBlock}` : `blocks ${g.fromBlock}–${g.toBlock}`;
  const onChain = `${blocks} hold ${g.transactions} transactions (${g.committedTps.toFixed(1)} tx/s over the same ${m.windowS.toFixed(2)} s window)`;
  if (!g.disagrees)
    return {
      text: `on-chain ground truth agrees: ${onChain}, ${percent(g.disagreement)} from the ${m.committed} committed (${m.committedTps.toFixed(1)} tx/s)`,
      warning: false,
    };
  const meaning =
    g.transactions > m.committed
      ? `the chain holds ${percent(g.disagreement)} more than the ${m.committed} the harness committed — usually other traffic on the chain during the window, or transactions of the run the harness lost track of (counted lost or failed though in a block)`
      : `the harness committed ${m.committed}, ${percent(g.disagreement)} more than the blocks show — the node's blocks leave out transactions the harness saw included, or its readers were shown different blocks`;
  return {
    text: `WARNING: committed TPS disagrees with the on-chain ground truth by more than 1%: ${onChain}; ${meaning}. The verdict is not changed by it`,
    warning: true,
  };
}
