import type { CheckMeta } from '#core/checks/CheckMetaSchema.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LatencySummary, LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import { modalLabels } from '#core/profile/ClauseSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { type RpcTranscript, transcriptLimits } from '#core/run/rpcTranscript.ts';
import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { type Bilingual, bilingual } from './bilingual.ts';
import { capacityStepsChart } from './capacityStepsChart.ts';
import { clauseAreaChart } from './clauseAreaChart.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { groundTruthLine } from './groundTruthLine.ts';
import { latencyHistogramChart } from './latencyHistogramChart.ts';
import { loadSeriesChart } from './loadSeriesChart.ts';
import type { ReportLang } from './ReportLangSchema.ts';
import { renderPage } from './renderPage.ts';
import { renderPropertyRun } from './renderPropertyRun.ts';

export interface RenderHtmlOptions {
  /** @default 'both' */
  readonly lang?: ReportLang;
}

/**
 * The report as one self-contained HTML page for a regulator: overall verdict and score first, then
 * the target fingerprint and parameters that make the run reproducible, the bilingual clause table,
 * and every check with its expected/actual/evidence (collapsible, no script needed), property replay
 * data and load metrics with charts (clause verdicts by area, latency percentiles and distribution,
 * capacity steps) as inline SVG, in Chinese, English or both (`--lang`). The page is
 * self-contained (renderPage) and prints section by section.
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const lang = options.lang ?? 'both';
  const t = bilingual(lang);
  const overall = overallVerdictLabels[report.overall.verdict];
  const meta = new Map<string, CheckMeta>(report.checks.map((c) => [c.id, c]));
  const title = `chaineval ${report.reportId} — ${t(overall.zh, overall.en)}`;
  const body = `<header>
<h1>${lang === 'both' ? `${e(report.profile.title.zh)}<br><small>${e(report.profile.title.en)}</small>` : e(t(report.profile.title.zh, report.profile.title.en))}</h1>
<p class="overall v-${e(report.overall.verdict)}">${t('总体结论', 'Overall')}: <strong>${e(t(overall.zh, overall.en))}</strong>
 · ${t('得分', 'Score')} <strong>${report.score.value}</strong> / 100 over ${t('覆盖率', 'coverage')} <strong>${percent(report.score.coverage)}</strong>
 <span class="muted">(${report.score.evaluatedWeight} of ${report.score.totalWeight} weight evaluated; pass ≥ ${report.score.passScore} with coverage ≥ ${percent(report.score.minCoverage)})</span></p>
${list(report.overall.reasons)}
<p class="muted">Report <code>${e(report.reportId)}</code> · created ${e(report.createdAt)} · profile <code>${e(report.profile.id)}@${e(report.profile.version)}</code> <code class="muted">${e(report.profile.digest)}</code> · chaineval ${e(report.harness.version)} · report schema ${e(report.schemaVersion)}</p>
<p class="muted">${e(report.profile.basis)}</p>
</header>
<main>
<section class="part">
<h2>${t('被测对象', 'Target')}</h2>
${keyValueTable([
  ['family', report.target.family],
  ['endpoint', report.target.endpoint],
  ['chain id', String(report.target.chainId)],
  ['client version', report.target.clientVersion],
  ['genesis hash', report.target.genesisHash],
  ['crypto suite', report.target.cryptoSuite],
  ['embedded', report.target.embedded ? 'yes (started by chaineval)' : 'no'],
])}
<h2>${t('运行', 'Run')}</h2>
${keyValueTable([
  ['status', report.run.status],
  ...(report.run.incompleteReason === undefined
    ? []
    : ([['incomplete because', report.run.incompleteReason]] as [string, string][])),
  ['started', report.run.startedAt],
  ['finished', report.run.finishedAt],
  ['planned steps', report.run.plannedSteps.join(', ')],
])}
<h2>${t('参数', 'Parameters')}</h2>
${keyValueTable(
  Object.entries(report.parameters).map(([k, v]) => [
    report.overriddenParameters.includes(k) ? `${k} (set for this run)` : k,
    JSON.stringify(v) ?? 'undefined',
  ]),
  true,
)}
</section>
<section class="part">
<h2>${t('条款结论', 'Clause verdicts')}</h2>
${clauseAreaChart(report.clauses, t)}
${clauseTable(report, meta, t)}
</section>
<section class="part">
<h2>${t('检查项', 'Checks')}</h2>
${report.results.map((r) => checkSection(r, meta.get(r.checkId), report, t)).join('\n')}
</section>
</main>`;
  return renderPage({ lang, title, css, body });
}

function clauseTable(report: Report, meta: ReadonlyMap<string, CheckMeta>, t: Bilingual): string {
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
          ? `<br><span class="v-attested">${t('已证明', 'attested')}</span> <code>${e(d.itemId)}</code>: ${e(d.document ?? '')} <span class="muted">sha256 ${e((d.sha256 ?? '').slice(0, 16))}… by ${e(d.attestedBy ?? '')} at ${e(d.attestedAt ?? '')}</span>`
          : `<br><span class="v-missing">${t('缺失', 'missing')}</span> <code>${e(d.itemId)}</code>`,
      );
    return `<tr><td><code>${e(c.clauseId)}</code><br><span class="muted">${e(c.source)}</span></td>
<td>${t(e(c.title.zh), e(c.title.en), '<br>')}</td><td>${e(t(c.modal, modalLabels[c.modal]))}</td><td>${e(c.area)}</td>
<td class="v-${e(c.verdict)}">${t(e(label.zh), e(label.en), '<br>')}${note}${documents.join('')}</td><td>${checks || '<span class="muted">none</span>'}</td></tr>`;
  });
  const th = (zh: string, en: string) => `<th>${t(zh, en)}</th>`;
  return `<table class="clauses"><colgroup><col style="width:11%"><col style="width:25%"><col style="width:10%"><col style="width:9%"><col style="width:25%"><col style="width:20%"></colgroup><thead><tr>${th('条款', 'Clause')}${th('标题', 'Title')}${th('要求', 'Modal')}${th('领域', 'Area')}${th('结论', 'Verdict')}${th('检查', 'Checks')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function checkSection(
  result: CheckResult,
  check: CheckMeta | undefined,
  report: Report,
  t: Bilingual,
): string {
  const { parameters } = report;
  // Each clause the check evidences, with its modal verb (which sets its weight in the score).
  const clauses = (check?.clauseIds ?? []).map((id) => {
    const clause = report.clauses.find((c) => c.clauseId === id);
    return clause ? `${id} (${t(clause.modal, modalLabels[clause.modal])})` : id;
  });
  const parts: string[] = [];
  const heading = check ? `${check.catalogueId} ${t(check.title.zh, check.title.en, ' / ')}` : result.checkId;
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
      `<p class="v-waived">${t('豁免', 'Waived')}: ${e(result.waiver.note)} — <code>${e(result.waiver.parameter)}=${e(JSON.stringify(result.waiver.value))}</code>, required <code>${e(JSON.stringify(result.waiver.requirement))}</code></p>`,
    );
  }
  parts.push(jsonDetails(t('期望', 'Expected'), result.expected, true));
  parts.push(jsonDetails(t('实际', 'Actual'), result.actual, true));
  parts.push(jsonDetails(t('证据', 'Evidence'), result.evidence, false));
  if (result.kind === 'load') parts.push(capacityStepsChart(result.actual, t));
  if (result.transcript) parts.push(transcriptDetails(result.transcript, t));
  parts.push(renderPropertyRun(result, report.reportId, t));
  if (result.load) parts.push(loadSection(result.load, parameters, t));
  parts.push('</section>');
  return parts.filter((p) => p !== '').join('\n');
}

/** The exact requests as curl commands, each with what came back: how to reproduce the verdict. */
function transcriptDetails(transcript: RpcTranscript, t: Bilingual): string {
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
  return `<details><summary>${t('复现', 'Reproduce')}: the ${transcript.exchanges.length + transcript.omitted} JSON-RPC request(s) this check sent</summary><ol class="mono">${steps.join('')}</ol></details>`;
}

function jsonDetails(label: string, value: unknown, open: boolean): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return `<details${open ? ' open' : ''}><summary>${e(label)}</summary><pre>${e(text)}</pre></details>`;
}

function loadSection(m: LoadMetrics, parameters: Report['parameters'], t: Bilingual): string {
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
  const p95BoundMs = typeof bound === 'number' && Number.isFinite(bound) ? bound : undefined;
  const truth = groundTruthLine(m);
  const truthLine = truth
    ? `<p class="${truth.warning ? 'v-partially-conform' : 'muted'}">${e(truth.text)}</p>`
    : '';
  return `<h4>${t('负载指标', 'Load metrics')}</h4>${keyValueTable(rows)}${latencyTiersTable(m, t)}${truthLine}<div class="charts">${latencyChart(m, p95BoundMs)}${latencyHistogramChart(m.latencyHistogram, p95BoundMs, t)}${loadSeriesChart(m.series, p95BoundMs, t)}</div>`;
}

/**
 * Latency from the intended send time to each tier (accepted, included, final), p50/p95/p99: the
 * judges read included; the other two show what a user waits for before the node answers and
 * before the transaction is final by the profile's rule.
 */
function latencyTiersTable(m: LoadMetrics, t: Bilingual): string {
  const tiers = m.latencyTiers;
  if (!tiers) return '';
  const rows: [string, LatencySummary][] = [
    ['accepted (RPC answer)', tiers.accepted],
    ['included (first seen in a block)', tiers.included],
  ];
  if (tiers.final) rows.push([`final (${tiers.final.finalityDepth} block(s) on top)`, tiers.final]);
  const body = rows
    .map(
      ([tier, s]) =>
        `<tr><th>${e(tier)}</th><td>${s.count}</td><td>${fixed(s.p50Ms)}</td><td>${fixed(s.p95Ms)}</td><td>${fixed(s.p99Ms)}</td></tr>`,
    )
    .join('');
  return `<table><caption>${t('延迟分层（自计划发送时刻起）', 'Latency tiers, from the intended send time')}</caption><thead><tr><th>tier</th><th>count</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th></tr></thead><tbody>${body}</tbody></table>`;
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

/** The report page's own rules; the shared ones (fonts, wrapping, verdict colours, print) are in pageCss. */
const css = `
.overall{font-size:1.2em;padding:8px 12px;border-radius:6px;border:2px solid currentColor}
.check{border:1px solid #d0d7de;border-radius:6px;padding:4px 16px;margin:12px 0}.check h3{margin:8px 0}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.chart .bar{fill:#8c959f}.chart .bar.key{fill:#0969da}.chart .bound{stroke:#cf222e;stroke-dasharray:4 3}.chart .axis{stroke:#57606a}
.chart .offered{fill:#d0d7de}.chart .on-bar{fill:#fff}
`;
