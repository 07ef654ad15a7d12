import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { type Bilingual, bilingual } from './bilingual.ts';
import type { CompareColumn, CompareLoadRow, CompareModel } from './compareReports.ts';
import { compareSeriesStyles } from './compareSeriesStyles.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { latencyOverlayChart } from './latencyOverlayChart.ts';
import type { ReportLang } from './ReportLangSchema.ts';
import { renderPage } from './renderPage.ts';
import { throughputOverlayChart } from './throughputOverlayChart.ts';

export interface RenderCompareHtmlOptions {
  /** @default 'both' */
  readonly lang?: ReportLang;
}

/**
 * The comparison as one self-contained HTML page: comparability warnings first (a procurement
 * reader must know what is not like for like before reading a number), the reports with score and
 * coverage and their deltas against A, clauses and checks side by side with the rows where the
 * reports disagree marked, and load figures with inline SVG bars of p95 latency and committed
 * throughput and the reports' latency distributions overlaid. Self-contained (renderPage); every value is escaped (client versions and summaries
 * come from the targets), control characters made visible.
 */
export function renderCompareHtml(model: CompareModel, options: RenderCompareHtmlOptions = {}): string {
  const lang = options.lang ?? 'both';
  const t = bilingual(lang);
  const letters = model.columns.map((c) => c.letter);
  const title = `chaineval comparison — ${model.columns.map((c) => c.reportId).join(' · ')}`;
  const clauseDiffs = model.clauses.filter((r) => r.differs).length;
  const checkDiffs = model.checks.filter((r) => r.differs).length;
  const body = `<header>
<h1>${t('报告对比', 'Report comparison')}<br><small>${model.columns.length} reports side by side; deltas are against A</small></h1>
${warningsSection(model.warnings, t)}
</header>
<main>
<section class="part">
<h2>${t('报告', 'Reports')}</h2>
${reportsTable(model.columns, t)}
</section>
<section class="part">
<h2>${t('条款结论', 'Clause verdicts')} <small>${clauseDiffs} of ${model.clauses.length} differ</small></h2>
<table><thead><tr><th>${t('条款', 'Clause')}</th><th>${t('标题', 'Title')}</th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr></thead>
<tbody>${model.clauses
    .map(
      (r) =>
        `<tr${r.differs ? ' class="differs"' : ''}><td><code>${e(r.clauseId)}</code>${r.differs ? ' <span class="mark" title="the reports disagree">≠</span>' : ''}</td><td>${t(e(r.title.zh), e(r.title.en), '<br>')}</td>${r.verdicts
          .map((v) =>
            v === undefined
              ? '<td class="muted">— not in profile</td>'
              : `<td class="v-${e(v)}">${t(e(clauseVerdictLabels[v].zh), e(clauseVerdictLabels[v].en), '<br>')}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>
</section>
<section class="part">
<h2>${t('检查项', 'Checks')} <small>${checkDiffs} of ${model.checks.length} differ</small></h2>
<table><thead><tr><th>${t('检查', 'Check')}</th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr></thead>
<tbody>${model.checks
    .map(
      (r) =>
        `<tr${r.differs ? ' class="differs"' : ''}><td>${e(r.catalogueId)} <code>${e(r.checkId)}</code>${r.differs ? ' <span class="mark" title="the reports disagree">≠</span>' : ''}<br><span class="muted">${e(t(r.title.zh, r.title.en, ' / '))}</span></td>${r.statuses
          .map((s) =>
            s === undefined
              ? '<td class="muted">— not in profile</td>'
              : `<td class="s-${e(s)}">${e(s.toUpperCase())}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>
</section>
<section class="part">
<h2>${t('负载指标', 'Load figures')}</h2>
${model.load.length === 0 ? '<p class="muted">none of the reports holds load figures</p>' : model.load.map((r) => loadSection(r, model.columns, t)).join('\n')}
</section>
</main>`;
  return renderPage({ lang, title, css, body });
}

function warningsSection(warnings: readonly string[], t: Bilingual): string {
  if (warnings.length === 0) {
    return `<p class="ok">${t('可比', 'Comparable')}: same profile, parameters, load, harness version and chain.</p>`;
  }
  return `<section class="warnings"><h2>${t('可比性提示', 'Read first')}: these reports are not like for like</h2><ul>${warnings
    .map((w) => `<li>${e(w)}</li>`)
    .join('')}</ul></section>`;
}

function reportsTable(columns: readonly CompareColumn[], t: Bilingual): string {
  const rows = columns.map((c, i) => {
    const verdict = overallVerdictLabels[c.verdict];
    const target = c.target;
    const delta = (text: string) => (i === 0 ? '' : ` <span class="muted">(${e(text)})</span>`);
    return `<tr><th>${c.letter}</th><td><code>${e(c.reportId)}</code><br><span class="muted">${e(c.createdAt)}</span></td>
<td class="v-${e(c.verdict)}">${t(e(verdict.zh), e(verdict.en), '<br>')}${c.runStatus === 'complete' ? '' : `<br>run ${e(c.runStatus)}`}</td>
<td>${c.score}${delta(signed(c.scoreDelta))}</td><td>${percent(c.coverage)}${delta(`${signed(round1(c.coverageDelta * 100))} pt`)}</td>
<td><code>${e(c.profile)}</code></td><td>${e(target.clientVersion)}<br><span class="muted">chain ${e(target.chainId)} · ${e(target.endpoint)}${target.embedded ? ' (embedded)' : ''}</span></td><td>${e(c.harnessVersion)}</td></tr>`;
  });
  const th = (zh: string, en: string) => `<th>${t(zh, en)}</th>`;
  return `<table><colgroup><col style="width:3em"><col><col><col style="width:8%"><col style="width:10%"><col><col style="width:24%"><col style="width:8%"></colgroup><thead><tr><th></th>${th('报告', 'Report')}${th('结论', 'Verdict')}${th('得分', 'Score')}${th('覆盖率', 'Coverage')}${th('规范', 'Profile')}${th('被测对象', 'Target')}<th>chaineval</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function loadSection(row: CompareLoadRow, columns: readonly CompareColumn[], t: Bilingual): string {
  const base = row.cells[0];
  const figure = (
    label: string,
    pick: (c: NonNullable<CompareLoadRow['cells'][number]>) => number,
    unit: string,
  ) =>
    `<tr><th>${e(label)}</th>${row.cells
      .map((c, i) => {
        if (c === undefined) return '<td class="muted">—</td>';
        const delta =
          i > 0 && base !== undefined
            ? ` <span class="muted">(${signed(round1(round1(pick(c)) - round1(pick(base))))})</span>`
            : '';
        return `<td>${fixed(pick(c))}${unit}${delta}</td>`;
      })
      .join('')}</tr>`;
  const table = `<table class="kv"><thead><tr><th></th>${columns.map((c) => `<th>${c.letter}</th>`).join('')}</tr></thead><tbody>
<tr><th>status</th>${row.cells.map((c) => (c === undefined ? '<td class="muted">—</td>' : `<td class="s-${e(c.status)}">${e(c.status.toUpperCase())}</td>`)).join('')}</tr>
<tr><th>offered</th>${row.cells.map((c) => `<td>${c === undefined ? '—' : e(c.offered)}${c?.harnessBottleneck ? '<br><span class="v-incomplete">harness was the bottleneck</span>' : ''}</td>`).join('')}</tr>
${figure('committed TPS', (c) => c.committedTps, '')}
${figure('latency p50', (c) => c.p50Ms, ' ms')}
${figure('latency p95', (c) => c.p95Ms, ' ms')}
<tr><th>success rate</th>${row.cells.map((c) => `<td>${c === undefined ? '—' : percent(c.successRate)}</td>`).join('')}</tr>
</tbody></table>`;
  return `<section class="load"><h3>${e(row.catalogueId)} <code>${e(row.checkId)}</code></h3>${table}
<div class="charts">${barChart('p95 latency, ms (shorter is better)', row, columns, (c) => c.p95Ms, ' ms')}${barChart('committed throughput, tx/s (longer is better)', row, columns, (c) => c.committedTps, ' tx/s')}</div>
<div class="charts">${latencyOverlayChart(row, columns, t)}${throughputOverlayChart(row, columns, t)}</div></section>`;
}

/** One horizontal bar per report; a report without figures gets a labelled empty row. */
function barChart(
  label: string,
  row: CompareLoadRow,
  columns: readonly CompareColumn[],
  pick: (c: NonNullable<CompareLoadRow['cells'][number]>) => number,
  unit: string,
): string {
  const left = 24;
  const width = 300;
  const rowH = 22;
  const height = columns.length * rowH + 26;
  const scale = Math.max(1, ...row.cells.map((c) => (c === undefined ? 0 : pick(c))));
  const bars = columns
    .map((col, i) => {
      const c = row.cells[i];
      const y = 22 + i * rowH;
      if (c === undefined)
        return `<text x="0" y="${y + 13}">${col.letter}</text><text x="${left}" y="${y + 13}" class="muted">no figures</text>`;
      const w = (pick(c) / scale) * width;
      return `<text x="0" y="${y + 13}">${col.letter}</text><rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="16" class="bar b${i}"/><text x="${(left + w + 4).toFixed(1)}" y="${y + 13}">${fixed(pick(c))}${unit}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${e(label)}" viewBox="0 0 ${left + width + 90} ${height}" width="${left + width + 90}" height="${height}"><text x="0" y="12" class="caption">${e(label)}</text>${bars}</svg>`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The comparison's own rules; the shared ones (fonts, wrapping, verdict colours, print) are in pageCss. */
const css = `
.warnings{border:2px solid #9a6700;border-radius:6px;padding:4px 16px;margin:16px 0;background:#fff8c5}.warnings h2{border:0;margin:8px 0;color:#9a6700}.ok{color:#1a7f37}
tr.differs td{background:#fff8c5}.mark{color:#9a6700;font-weight:700}
.load{border:1px solid #d0d7de;border-radius:6px;padding:4px 16px;margin:12px 0}.charts{display:flex;flex-wrap:wrap;gap:16px}
${compareSeriesStyles.map(({ colour }, i) => `.chart .b${i}{fill:${colour}}`).join('')}
`;
