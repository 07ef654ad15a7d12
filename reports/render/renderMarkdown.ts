import type { LatencySummary } from '#core/checks/LoadMetricsSchema.ts';
import { modalLabels } from '#core/profile/ClauseSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { groundTruthLine } from './groundTruthLine.ts';
import { renderPropertyRunMarkdown } from './renderPropertyRunMarkdown.ts';

/**
 * The report as Markdown for a bid document: the verdict and what it rests on first (profile,
 * target fingerprint, score and coverage, reasons), then every clause bilingually with its verdict,
 * the checks that failed or could not decide (a failed property with its shrunk counterexample and
 * the `chaineval replay` line that reruns it), and load figures. GitHub-flavoured tables; every
 * string is escaped, so nothing from the target becomes markup.
 */
export function renderMarkdown(report: Report): string {
  const m = escapeMarkdown;
  const results = new Map(report.results.map((r) => [r.checkId, r]));
  const overall = overallVerdictLabels[report.overall.verdict];
  const t = report.target;
  const out: string[] = [];
  out.push(`# chaineval 评估报告 Evaluation report ${m(report.reportId)}`, '');
  out.push(
    `**总体结论 Overall verdict: ${overall.zh} ${overall.en}** — score ${report.score.value.toFixed(1)} / 100, coverage ${pct(report.score.coverage)} (pass ≥ ${report.score.passScore} with coverage ≥ ${pct(report.score.minCoverage)})`,
    '',
  );
  for (const reason of report.overall.reasons) out.push(`- ${m(reason)}`);
  if (report.overall.reasons.length > 0) out.push('');
  out.push('| | |', '|---|---|');
  const rows: [string, string][] = [
    [
      'Profile',
      `${m(report.profile.id)}@${m(report.profile.version)} — ${m(report.profile.title.zh)} / ${m(report.profile.title.en)}`,
    ],
    ['Profile digest', `\`${report.profile.digest.replace(/`/g, '')}\``],
    ['Basis', m(report.profile.basis)],
    [
      'Target',
      `${m(t.family)} chain ${m(t.chainId)}, ${m(t.clientVersion)} at ${m(t.endpoint)}${t.embedded ? ' (embedded)' : ''}`,
    ],
    ['Genesis hash', m(t.genesisHash)],
    ['Crypto suite', m(t.cryptoSuite)],
    [
      'Run',
      `${m(report.run.status)}, ${m(report.run.startedAt)} → ${m(report.run.finishedAt)}${report.run.incompleteReason ? ` (${m(report.run.incompleteReason)})` : ''}`,
    ],
    ['Harness', `${m(report.harness.name)} ${m(report.harness.version)}`],
  ];
  if (report.overriddenParameters.length > 0) {
    rows.push([
      'Parameters set for this run',
      report.overriddenParameters
        .map((k) => `${m(k)}=${m(JSON.stringify(report.parameters[k]) ?? '')}`)
        .join(', '),
    ]);
  }
  for (const [k, v] of rows) out.push(`| ${k} | ${v} |`);
  out.push(
    '',
    '## 条款 Clauses',
    '',
    '| Clause | 标题 Title | Modal | 结论 Verdict | Checks |',
    '|---|---|---|---|---|',
  );
  for (const c of report.clauses) {
    const v = clauseVerdictLabels[c.verdict];
    const waived = c.waivedBy?.length
      ? ` (waived by ${c.waivedBy.map((w) => `${m(w.parameter)}=${m(JSON.stringify(w.value) ?? '')}`).join(', ')})`
      : '';
    const note = c.reason ? ` — ${m(c.reason)}` : '';
    out.push(
      `| ${m(c.clauseId)} | ${m(c.title.zh)}<br>${m(c.title.en)} | ${c.modal} ${modalLabels[c.modal]} | ${v.zh} ${v.en}${waived}${note} | ${c.checkIds.map(m).join(', ') || '—'} |`,
    );
  }
  const section = (title: string, status: 'fail' | 'error') => {
    const checks = report.checks.filter((c) => results.get(c.id)?.status === status);
    if (checks.length === 0) return;
    out.push('', title, '');
    for (const c of checks) {
      out.push(
        `- **${m(c.catalogueId)} ${m(c.id)}** ${m(c.title.zh)} / ${m(c.title.en)} (clauses ${c.clauseIds.map(m).join(', ')}): ${m(results.get(c.id)?.summary ?? '')}`,
      );
      const result = results.get(c.id);
      if (result) out.push(...renderPropertyRunMarkdown(result, report.reportId));
    }
  };
  section('## 不通过的检查 Failed checks', 'fail');
  section('## 无法判定的检查 Inconclusive checks', 'error');
  const missing = report.checks.filter((c) => !results.has(c.id));
  if (missing.length > 0) {
    out.push('', '## 无结果的检查 Checks without a result', '');
    for (const c of missing)
      out.push(`- ${m(c.catalogueId)} ${m(c.id)}: no result was stored (not evaluated)`);
  }
  const load = report.results.filter((r) => r.load !== undefined);
  if (load.length > 0) {
    out.push(
      '',
      '## 性能 Load',
      '',
      '| Check | Scenario | Committed TPS | Success | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of load) {
      const l = r.load!;
      out.push(
        `| ${m(r.checkId)} | ${m(l.scenario.name)} @ ${l.scenario.rateTps} tx/s × ${l.scenario.durationS} s | ${l.committedTps.toFixed(1)} | ${pct(l.successRate)} | ${l.latency.p50Ms} | ${l.latency.p95Ms} | ${l.latency.p99Ms} |`,
      );
    }
    const tiered = load.filter((r) => r.load!.latencyTiers !== undefined);
    if (tiered.length > 0) {
      out.push(
        '',
        '延迟分层 Latency tiers, from the intended send time:',
        '',
        '| Check | Tier | Count | p50 ms | p95 ms | p99 ms |',
        '|---|---|---|---|---|---|',
      );
      for (const r of tiered) {
        const tiers = r.load!.latencyTiers!;
        const rows: [string, LatencySummary][] = [
          ['accepted (RPC answer)', tiers.accepted],
          ['included (in a block)', tiers.included],
        ];
        if (tiers.final) rows.push([`final (${tiers.final.finalityDepth} block(s) on top)`, tiers.final]);
        for (const [tier, s] of rows)
          out.push(`| ${m(r.checkId)} | ${tier} | ${s.count} | ${s.p50Ms} | ${s.p95Ms} | ${s.p99Ms} |`);
      }
    }
    const truths = load.flatMap((r) => {
      const line = groundTruthLine(r.load!);
      return line
        ? [`- ${m(r.checkId)}: ${line.warning ? '**' : ''}${m(line.text)}${line.warning ? '**' : ''}`]
        : [];
    });
    if (truths.length > 0) out.push('', ...truths);
  }
  const counts = { pass: 0, fail: 0, error: 0, skip: 0 };
  for (const r of report.results) counts[r.status] += 1;
  out.push(
    '',
    `Checks: ${report.checks.length} planned · ${counts.pass} pass · ${counts.fail} fail · ${counts.error} inconclusive · ${counts.skip} skipped · ${missing.length} without result.`,
    '',
  );
  return out.join('\n');
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
