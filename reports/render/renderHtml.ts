import type { CheckMeta } from '#core/checks/CheckMetaSchema.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import type { PropertyRun } from '#core/checks/PropertyRunSchema.ts';
import { modalLabels } from '#core/profile/ClauseSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { type RpcTranscript, transcriptLimits } from '#core/run/rpcTranscript.ts';
import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { escapeHtml as e } from './escapeHtml.ts';

/**
 * The report as one self-contained HTML page for a regulator: overall verdict and score first, then
 * the target fingerprint and parameters that make the run reproducible, the bilingual clause table,
 * and every check with its expected/actual/evidence (collapsible, no script needed), property replay
 * data and load metrics with a latency chart. No external assets; a Content-Security-Policy that
 * forbids scripts backs up the escaping of every value (the target's answers are untrusted).
 */
export function renderHtml(report: Report): string {
  const overall = overallVerdictLabels[report.overall.verdict];
  const meta = new Map<string, CheckMeta>(report.checks.map((c) => [c.id, c]));
  const title = `chaineval ${report.reportId} — ${overall.zh} ${overall.en}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${e(report.profile.title.zh)}<br><small>${e(report.profile.title.en)}</small></h1>
<p class="overall v-${e(report.overall.verdict)}">总体结论 Overall: <strong>${e(overall.zh)} ${e(overall.en)}</strong>
 · 得分 Score <strong>${report.score.value}</strong> / 100 over 覆盖率 coverage <strong>${percent(report.score.coverage)}</strong>
 <span class="muted">(${report.score.evaluatedWeight} of ${report.score.totalWeight} weight evaluated; pass ≥ ${report.score.passScore} with coverage ≥ ${percent(report.score.minCoverage)})</span></p>
${list(report.overall.reasons)}
<p class="muted">Report <code>${e(report.reportId)}</code> · created ${e(report.createdAt)} · profile <code>${e(report.profile.id)}@${e(report.profile.version)}</code> <code class="muted">${e(report.profile.digest)}</code> · chaineval ${e(report.harness.version)} · report schema ${e(report.schemaVersion)}</p>
<p class="muted">${e(report.profile.basis)}</p>
</header>
<main>
<h2>被测对象 Target</h2>
${keyValueTable([
  ['family', report.target.family],
  ['endpoint', report.target.endpoint],
  ['chain id', String(report.target.chainId)],
  ['client version', report.target.clientVersion],
  ['genesis hash', report.target.genesisHash],
  ['crypto suite', report.target.cryptoSuite],
  ['embedded', report.target.embedded ? 'yes (started by chaineval)' : 'no'],
])}
<h2>运行 Run</h2>
${keyValueTable([
  ['status', report.run.status],
  ...(report.run.incompleteReason === undefined
    ? []
    : ([['incomplete because', report.run.incompleteReason]] as [string, string][])),
  ['started', report.run.startedAt],
  ['finished', report.run.finishedAt],
  ['planned steps', report.run.plannedSteps.join(', ')],
])}
<h2>参数 Parameters</h2>
${keyValueTable(
  Object.entries(report.parameters).map(([k, v]) => [
    report.overriddenParameters.includes(k) ? `${k} (set for this run)` : k,
    JSON.stringify(v) ?? 'undefined',
  ]),
  true,
)}
<h2>条款结论 Clause verdicts</h2>
${clauseTable(report, meta)}
<h2>检查项 Checks</h2>
${report.results.map((r) => checkSection(r, meta.get(r.checkId), report)).join('\n')}
</main>
</body>
</html>
`;
}

function clauseTable(report: Report, meta: ReadonlyMap<string, CheckMeta>): string {
  const results = new Map(report.results.map((r) => [r.checkId, r]));
  const rows = report.clauses.map((c) => {
    const label = clauseVerdictLabels[c.verdict];
    const checks = c.checkIds
      .map((id) => {
        const status = results.get(id)?.status ?? 'missing';
        return `<a href="#check-${e(id)}">${e(meta.get(id)?.catalogueId ?? id)}</a> <span class="s-${e(status)}">${e(status)}</span>`;
      })
      .join('<br>');
    const why = [
      ...(c.waivedBy ?? []).map(
        (w) =>
          `waived by ${w.parameter}=${JSON.stringify(w.value)} (required ${JSON.stringify(w.requirement)})`,
      ),
      ...(c.reason === undefined ? [] : [c.reason]),
    ];
    const note = why.length === 0 ? '' : `<br><span class="muted">${why.map(e).join('<br>')}</span>`;
    // Missing documents the reason already names are not repeated.
    const documents = (c.evidence ?? [])
      .filter((d) => d.status === 'attested' || !(c.reason ?? '').includes(d.itemId))
      .map((d) =>
        d.status === 'attested'
          ? `<br><span class="v-attested">已证明 attested</span> <code>${e(d.itemId)}</code>: ${e(d.document ?? '')} <span class="muted">sha256 ${e((d.sha256 ?? '').slice(0, 16))}… by ${e(d.attestedBy ?? '')} at ${e(d.attestedAt ?? '')}</span>`
          : `<br><span class="v-missing">缺失 missing</span> <code>${e(d.itemId)}</code>`,
      );
    return `<tr><td><code>${e(c.clauseId)}</code><br><span class="muted">${e(c.source)}</span></td>
<td>${e(c.title.zh)}<br>${e(c.title.en)}</td><td>${e(c.modal)} ${e(modalLabels[c.modal])}</td><td>${e(c.area)}</td>
<td class="v-${e(c.verdict)}">${e(label.zh)}<br>${e(label.en)}${note}${documents.join('')}</td><td>${checks || '<span class="muted">none</span>'}</td></tr>`;
  });
  return `<table><thead><tr><th>条款 Clause</th><th>标题 Title</th><th>要求 Modal</th><th>领域 Area</th><th>结论 Verdict</th><th>检查 Checks</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function checkSection(result: CheckResult, check: CheckMeta | undefined, report: Report): string {
  const { parameters } = report;
  // Each clause the check evidences, with its modal verb (which sets its weight in the score).
  const clauses = (check?.clauseIds ?? []).map((id) => {
    const clause = report.clauses.find((c) => c.clauseId === id);
    return clause ? `${id} (${clause.modal} ${modalLabels[clause.modal]})` : id;
  });
  const parts: string[] = [];
  const heading = check ? `${check.catalogueId} ${check.title.zh} / ${check.title.en}` : result.checkId;
  parts.push(`<section class="check" id="check-${e(result.checkId)}">`);
  parts.push(
    `<h3><span class="s-${e(result.status)}">${e(result.status.toUpperCase())}</span> ${e(heading)}</h3>`,
  );
  parts.push(
    `<p class="summary">${e(result.summary)}${result.skipReason ? ` <span class="muted">(${e(result.skipReason)})</span>` : ''}</p>`,
  );
  parts.push(
    `<p class="muted"><code>${e(result.checkId)}</code> · ${e(result.kind)} · started ${e(result.startedAt)} · ${result.durationMs} ms${clauses.length > 0 ? ` · clauses ${e(clauses.join(', '))}` : ''}</p>`,
  );
  if (check)
    parts.push(
      `<p>${e(check.description)}<br><span class="muted">Fails when: ${e(check.failsWhen)}</span></p>`,
    );
  if (result.waiver) {
    parts.push(
      `<p class="v-waived">豁免 Waived: ${e(result.waiver.note)} — <code>${e(result.waiver.parameter)}=${e(JSON.stringify(result.waiver.value))}</code>, required <code>${e(JSON.stringify(result.waiver.requirement))}</code></p>`,
    );
  }
  parts.push(jsonDetails('期望 Expected', result.expected, true));
  parts.push(jsonDetails('实际 Actual', result.actual, true));
  parts.push(jsonDetails('证据 Evidence', result.evidence, false));
  if (result.transcript) parts.push(transcriptDetails(result.transcript));
  if (result.property) parts.push(propertySection(result.property));
  if (result.load) parts.push(loadSection(result.load, parameters));
  parts.push('</section>');
  return parts.filter((p) => p !== '').join('\n');
}

/** The exact requests as curl commands, each with what came back: how to reproduce the verdict. */
function transcriptDetails(transcript: RpcTranscript): string {
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  const steps = transcript.exchanges.map((x, i) => {
    const cutNote = x.requestBytes > transcriptLimits.requestChars ? ' (request shortened here)' : '';
    const command = `curl -s -X POST -H 'content-type: application/json' --data ${quote(x.request)} ${x.endpoint}`;
    const answer = x.status === 0 ? `no answer: ${x.response}` : `HTTP ${x.status} ${x.response}`;
    const gap =
      transcript.omitted > 0 && i === transcript.exchanges.length - transcriptLimits.tail
        ? `<li class="muted">… ${transcript.omitted} more request(s) …</li>`
        : '';
    return `${gap}<li><pre>${e(command)}${e(cutNote)}</pre><pre class="muted">${e(answer)}</pre></li>`;
  });
  return `<details><summary>复现 Reproduce: the ${transcript.exchanges.length + transcript.omitted} JSON-RPC request(s) this check sent</summary><ol class="mono">${steps.join('')}</ol></details>`;
}

function jsonDetails(label: string, value: unknown, open: boolean): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return `<details${open ? ' open' : ''}><summary>${e(label)}</summary><pre>${e(text)}</pre></details>`;
}

function propertySection(run: PropertyRun): string {
  const rows: [string, string][] = [
    ['seed', String(run.seed)],
    ['path', run.path ?? '—'],
    ['runs', String(run.numRuns)],
    ['commands executed', String(run.commandsExecuted)],
  ];
  if (run.failure !== undefined) rows.push(['failure', run.failure]);
  const replay = `<p class="muted">Replay: fast-check <code>{ seed: ${run.seed}${run.path === undefined ? '' : `, path: "${e(run.path)}"`} }</code></p>`;
  const counterexample =
    run.counterexample === undefined
      ? ''
      : `<h4>反例 Counterexample (shrunk)</h4><ol class="mono">${run.counterexample.map((c) => `<li>${e(c)}</li>`).join('')}</ol>`;
  return `<h4>性质测试 Property run</h4>${keyValueTable(rows)}${replay}${counterexample}`;
}

function loadSection(m: LoadMetrics, parameters: Report['parameters']): string {
  const rows: [string, string][] = [
    [
      'scenario',
      `${m.scenario.name}: ${m.scenario.rateTps} tx/s × ${m.scenario.durationS} s, ${m.scenario.shards} shard(s)`,
    ],
    ['sent / accepted / rejected', `${m.sent} / ${m.accepted} / ${m.rejected}`],
    ['committed / lost', `${m.committed} / ${m.lost}`],
    ['accepted TPS', fixed(m.acceptedTps)],
    ['committed TPS', fixed(m.committedTps)],
    ['success rate', percent(m.successRate)],
    ['measurement window', `${fixed(m.windowS)} s`],
    [
      'latency mean / p50 / p90',
      `${fixed(m.latency.meanMs)} / ${fixed(m.latency.p50Ms)} / ${fixed(m.latency.p90Ms)} ms`,
    ],
    [
      'latency p95 / p99 / max',
      `${fixed(m.latency.p95Ms)} / ${fixed(m.latency.p99Ms)} / ${fixed(m.latency.maxMs)} ms`,
    ],
    ['latency samples', String(m.latency.count)],
    [
      'generator self-check',
      `max send lag ${fixed(m.generator.maxSendLagMs)} ms, p99 ${fixed(m.generator.p99SendLagMs)} ms, ${m.generator.lateSends} late sends${m.generator.harnessBottleneck ? ' — HARNESS WAS THE BOTTLENECK: no performance verdict' : ''}`,
    ],
  ];
  const bound = parameters.loadLatencyP95MaxMs;
  return `<h4>负载指标 Load metrics</h4>${keyValueTable(rows)}${latencyChart(m, typeof bound === 'number' && Number.isFinite(bound) ? bound : undefined)}`;
}

/** Horizontal bars of the latency percentiles, with the profile's p95 bound as a dashed line. */
function latencyChart(m: LoadMetrics, p95BoundMs: number | undefined): string {
  const bars: [string, number][] = [
    ['mean', m.latency.meanMs],
    ['p50', m.latency.p50Ms],
    ['p90', m.latency.p90Ms],
    ['p95', m.latency.p95Ms],
    ['p99', m.latency.p99Ms],
    ['max', m.latency.maxMs],
  ];
  const scale = Math.max(1, ...bars.map(([, v]) => v), p95BoundMs ?? 0);
  const left = 48;
  const width = 360;
  const rowH = 22;
  const height = bars.length * rowH + 24;
  const x = (v: number) => left + (v / scale) * width;
  const rects = bars
    .map(([label, v], i) => {
      const y = 8 + i * rowH;
      return `<text x="0" y="${y + 14}">${label}</text><rect x="${left}" y="${y}" width="${(x(v) - left).toFixed(1)}" height="16" class="${label === 'p95' ? 'bar key' : 'bar'}"/><text x="${(x(v) + 4).toFixed(1)}" y="${y + 13}">${fixed(v)} ms</text>`;
    })
    .join('');
  const boundLine =
    p95BoundMs === undefined
      ? ''
      : `<line x1="${x(p95BoundMs).toFixed(1)}" x2="${x(p95BoundMs).toFixed(1)}" y1="4" y2="${height - 14}" class="bound"/><text x="${x(p95BoundMs).toFixed(1)}" y="${height - 2}" text-anchor="middle">p95 bound ${fixed(p95BoundMs)} ms</text>`;
  return `<svg class="chart" role="img" aria-label="inclusion latency percentiles, ms" viewBox="0 0 ${left + width + 90} ${height}" width="${left + width + 90}" height="${height}">${rects}${boundLine}</svg>`;
}

function keyValueTable(rows: readonly (readonly [string, string])[], mono = false): string {
  if (rows.length === 0) return '<p class="muted">none</p>';
  return `<table class="kv"><tbody>${rows
    .map(([k, v]) => `<tr><th>${e(k)}</th><td${mono ? ' class="mono"' : ''}>${e(v)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function list(items: readonly string[]): string {
  return items.length === 0
    ? ''
    : `<ul class="reasons">${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

const css = `
body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1b1f24}
h1{font-size:1.5em;margin:0}h1 small{font-size:.7em;color:#57606a}h2{border-bottom:1px solid #d0d7de;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
table.kv th{width:14em;background:#f6f8fa;font-weight:600}code,.mono,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:400px;white-space:pre-wrap;word-break:break-all}
.muted{color:#57606a}.overall{font-size:1.2em;padding:8px 12px;border-radius:6px;border:2px solid currentColor}
.v-conform{color:#1a7f37}.v-partially-conform,.v-not-evaluated,.v-incomplete,.v-inconclusive,.v-waived{color:#9a6700}.v-nonconform{color:#cf222e}.v-not-applicable{color:#57606a}.v-attested{color:#0969da}.v-missing{color:#9a6700}
.s-pass{color:#1a7f37;font-weight:700}.s-fail{color:#cf222e;font-weight:700}.s-error,.s-missing{color:#9a6700;font-weight:700}.s-skip{color:#57606a;font-weight:700}
.check{border:1px solid #d0d7de;border-radius:6px;padding:4px 16px;margin:12px 0}.check h3{margin:8px 0}
.chart text{font-size:11px;fill:#1b1f24}.chart .bar{fill:#8c959f}.chart .bar.key{fill:#0969da}.chart .bound{stroke:#cf222e;stroke-dasharray:4 3}
@media print{details{display:block}details>*{display:block}}
`;
