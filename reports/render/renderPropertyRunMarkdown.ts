import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { escapeMarkdown as m } from './escapeMarkdown.ts';

/**
 * The indented lines under a failed property check in the Markdown report: the shrunk counterexample
 * as a numbered list with the failing step in bold and the failure beside it, then the command line
 * that replays it, so a bid document carries what a vendor needs to reproduce the failure. Nothing
 * for a result without a counterexample. Every string from the run is escaped.
 */
export function renderPropertyRunMarkdown(result: CheckResult, reportId: string): string[] {
  const run = result.property;
  if (run === undefined) return [];
  const steps =
    run.counterexample ?? (run.commands ?? []).map((c) => `${c.name}(${c.args.map(String).join(', ')})`);
  if (steps.length === 0) return [];
  const failing =
    run.failingStep !== undefined && run.failingStep < steps.length ? run.failingStep : undefined;
  const failure = run.failure === undefined ? '' : ` — ✗ ${m(run.failure)}`;
  const lines = [
    `  - Counterexample (shrunk, seed ${run.seed}, ${run.numRuns} runs, ${run.commandsExecuted} commands executed${run.shrinks === undefined ? '' : `, ${run.shrinks} shrinks`}):`,
  ];
  for (const [i, step] of steps.entries()) {
    const text = i === failing ? `**${m(step)}**${failure}` : m(step);
    lines.push(`    ${i + 1}. ${text}${failing !== undefined && i > failing ? ' (not run)' : ''}`);
  }
  if (failing === undefined && failure !== '') lines.push(`  - Failure${failure}`);
  if (result.status === 'fail') {
    lines.push(
      `  - Reproduce: \`npx chaineval replay ${reportId.replace(/`/g, '')} ${result.checkId.replace(/`/g, '')}\` (add \`--target <url> --private-key-file <key file>\` to rerun it on another chain)`,
    );
  }
  return lines;
}
