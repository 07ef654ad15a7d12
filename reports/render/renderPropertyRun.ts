import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { Bilingual } from './bilingual.ts';
import { escapeHtml as e } from './escapeHtml.ts';

/**
 * A property check's run on the report page, for someone who has to act on it: seed, runs, commands
 * executed and shrinks (how hard it was tried), then the shrunk counterexample as a numbered command
 * list with the failing step highlighted and the failure beside it (steps after it never ran), then
 * the command line that reproduces it: `chaineval replay` reads this report and reruns exactly those
 * commands. The replay line is printed only for a failed property, the only result replay accepts.
 * Every string may come from the target (a failure quotes its answers) and is escaped.
 * Empty for a result without a property run.
 */
export function renderPropertyRun(result: CheckResult, reportId: string, t: Bilingual): string {
  const run = result.property;
  if (run === undefined) return '';
  const rows: [string, string][] = [
    ['seed', String(run.seed)],
    ['runs', String(run.numRuns)],
    ['commands executed', String(run.commandsExecuted)],
  ];
  if (run.shrinks !== undefined) rows.push(['shrinks', String(run.shrinks)]);
  const table = `<table class="kv"><tbody>${rows
    .map(([k, v]) => `<tr><th>${e(k)}</th><td class="mono">${e(v)}</td></tr>`)
    .join('')}</tbody></table>`;

  // The readable toString of each command when recorded, else the command as data.
  const steps = run.counterexample ?? (run.commands ?? []).map(describeStep);
  const failing =
    run.failingStep !== undefined && run.failingStep < steps.length ? run.failingStep : undefined;
  const failure = run.failure === undefined ? '' : `<span class="s-fail">✗ ${e(run.failure)}</span>`;
  let counterexample = '';
  if (steps.length > 0) {
    const items = steps.map((step, i) => {
      if (i === failing) return `<li class="failing"><mark>${e(step)}</mark> ${failure}</li>`;
      if (failing !== undefined && i > failing)
        return `<li class="muted">${e(step)} (not run: the step before failed)</li>`;
      return `<li>${e(step)}</li>`;
    });
    // Without a recorded failing step the failure is stated under the list, not pinned on a step.
    const unpinned = failing === undefined && failure !== '' ? `<p>${failure}</p>` : '';
    counterexample = `<h4>${t('反例（已收缩）', 'Counterexample (shrunk)')}: ${steps.length} ${steps.length === 1 ? 'command' : 'commands'}</h4><ol class="mono counterexample">${items.join('')}</ol>${unpinned}`;
  } else if (failure !== '') {
    counterexample = `<p>${failure}</p>`;
  }

  const replayable = result.status === 'fail' && steps.length > 0;
  const reproduce = replayable
    ? `<h4>${t('复现', 'Reproduce')}</h4><pre>npx chaineval replay ${e(reportId)} ${e(result.checkId)}</pre><p class="muted">Reruns these ${steps.length} command(s) on a fresh embedded anvil and prints the failing step; add <code>--target &lt;url&gt; --private-key-file &lt;key file&gt;</code> to rerun them on the chain this report was made on, or on another one.</p>`
    : `<p class="muted">${t('复现', 'Reproduce')}: the same histories are generated again with <code>--param propertySeed=${run.seed}</code>.</p>`;
  // fast-check's own replay parameters, for someone rerunning the property in TypeScript.
  const fastCheck =
    run.path === undefined
      ? ''
      : `<p class="muted">Replay: fast-check <code>{ seed: ${run.seed}, path: "${e(run.path)}"${run.replayPath === undefined ? '' : `, replayPath: "${e(run.replayPath)}"`} }</code></p>`;
  return `<h4>${t('性质测试', 'Property run')}</h4>${table}${counterexample}${reproduce}${fastCheck}`;
}

/** A recorded command as `Name(arg, …)` when its readable form was not stored. */
function describeStep(step: CommandStep): string {
  return `${step.name}(${step.args.map((a) => (typeof a === 'string' ? a : String(a))).join(', ')})`;
}
