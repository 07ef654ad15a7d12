import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import type { CompareColumn, CompareLoadRow, CompareModel } from './compareReports.ts';
import { escapeHtml } from './escapeHtml.ts';
import { sanitizeForTerminal } from './sanitizeForTerminal.ts';

/**
 * HTML-escapes a value; control characters and bidi overrides (a client version may carry them)
 * are first made visible as `\u{…}`, as in the terminal, since browsers would drop or obey them.
 */
const e = (text: string) => escapeHtml(sanitizeForTerminal(text));

/**
 * The comparison as one self-contained HTML page: comparability warnings first (a procurement
 * reader must know what is not like for like before reading a number), the reports with score and
 * coverage and their deltas against A, clauses and checks side by side with the rows where the
 * reports disagree marked, and load figures with inline SVG bars of p95 latency and committed
 * throughput. No external assets and no script; a Content-Security-Policy that forbids scripts
 * backs up the escaping of every value (client versions and summaries come from the targets).
 */
export function renderCompareHtml(model: CompareModel): string {
  const letters = model.columns.map((c) => c.letter);
  const title = `chaineval comparison — ${model.columns.map((c) => c.reportId).join(' · ')}`;
  const clauseDiffs = model.clauses.filter((r) => r.differs).length;
  const checkDiffs = model.checks.filter((r) => r.differs).length;
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
<h1>报告对比 Report comparison<br><small>${model.columns.length} reports side by side; deltas are against A</small></h1>
${warningsSection(model.warnings)}
</header>
<main>
<h2>报告 Reports</h2>
${reportsTable(model.columns)}
<h2>条款结论 Clause verdicts <small>${clauseDiffs} of ${model.clauses.length} differ</small></h2>
<table><thead><tr><th>条款 Clause</th><th>标题 Title</th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr></thead>
<tbody>${model.clauses
    .map(
      (r) =>
        `<tr${r.differs ? ' class="differs"' : ''}><td><code>${e(r.clauseId)}</code>${r.differs ? ' <span class="mark" title="the reports disagree">≠</span>' : ''}</td><td>${e(r.title.zh)}<br>${e(r.title.en)}</td>${r.verdicts
          .map((v) =>
            v === undefined
              ? '<td class="muted">— not in profile</td>'
              : `<td class="v-${e(v)}">${e(clauseVerdictLabels[v].zh)}<br>${e(clauseVerdictLabels[v].en)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>
<h2>检查项 Checks <small>${checkDiffs} of ${model.checks.length} differ</small></h2>
<table><thead><tr><th>检查 Check</th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr></thead>
<tbody>${model.checks
    .map(
      (r) =>
        `<tr${r.differs ? ' class="differs"' : ''}><td>${e(r.catalogueId)} <code>${e(r.checkId)}</code>${r.differs ? ' <span class="mark" title="the reports disagree">≠</span>' : ''}<br><span class="muted">${e(r.title.zh)} / ${e(r.title.en)}</span></td>${r.statuses
          .map((s) =>
            s === undefined
              ? '<td class="muted">— not in profile</td>'
              : `<td class="s-${e(s)}">${e(s.toUpperCase())}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>
<h2>负载指标 Load figures</h2>
${model.load.length === 0 ? '<p class="muted">none of the reports holds load figures</p>' : model.load.map((r) => loadSection(r, model.columns)).join('\n')}
</main>
</body>
</html>
`;
}

function warningsSection(warnings: readonly string[]): string {
  if (warnings.length === 0) {
    return '<p class="ok">可比 Comparable: same profile, parameters, load, harness version and chain.</p>';
  }
  return `<section class="warnings"><h2>可比性提示 Read first: these reports are not like for like</h2><ul>${warnings
    .map((w) => `<li>${e(w)}</li>`)
    .join('')}</ul></section>`;
}

function reportsTable(columns: readonly CompareColumn[]): string {
  const rows = columns.map((c, i) => {
    const verdict = overallVerdictLabels[c.verdict];
    const t = c.target;
    const delta = (text: string) => (i === 0 ? '' : ` <span class="muted">(${e(text)})</span>`);
    return `<tr><th>${c.letter}</th><td><code>${e(c.reportId)}</code><br><span class="muted">${e(c.createdAt)}</span></td>
<td class="v-${e(c.verdict)}">${e(verdict.zh)}<br>${e(verdict.en)}${c.runStatus === 'complete' ? '' : `<br>run ${e(c.runStatus)}`}</td>
<td>${c.score}${delta(signed(c.scoreDelta))}</td><td>${percent(c.coverage)}${delta(`${signed(round1(c.coverageDelta * 100))} pt`)}</td>
<td><code>${e(c.profile)}</code></td><td>${e(t.clientVersion)}<br><span class="muted">chain ${e(t.chainId)} · ${e(t.endpoint)}${t.embedded ? ' (embedded)' : ''}</span></td><td>${e(c.harnessVersion)}</td></tr>`;
  });
  return `<table><thead><tr><th></th><th>报告 Report</th><th>结论 Verdict</th><th>得分 Score</th><th>覆盖率 Coverage</th><th>规范 Profile</th><th>被测对象 Target</th><th>chaineval</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function loadSection(row: CompareLoadRow, columns: readonly CompareColumn[]): string {
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
<div class="charts">${barChart('p95 latency, ms (shorter is better)', row, columns, (c) => c.p95Ms, ' ms')}${barChart('committed throughput, tx/s (longer is better)', row, columns, (c) => c.committedTps, ' tx/s')}</div></section>`;
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

const palette = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#57606a', '#0550ae'];

const css = `
body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1b1f24}
h1{font-size:1.5em;margin:0}h1 small,h2 small{font-size:.7em;color:#57606a;font-weight:400}h2{border-bottom:1px solid #d0d7de;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
table.kv th{background:#f6f8fa;font-weight:600}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.muted{color:#57606a}.warnings{border:2px solid #9a6700;border-radius:6px;padding:4px 16px;margin:16px 0;background:#fff8c5}.warnings h2{border:0;margin:8px 0;color:#9a6700}.ok{color:#1a7f37}
tr.differs td{background:#fff8c5}.mark{color:#9a6700;font-weight:700}
.v-conform,.v-attested{color:#1a7f37}.v-partially-conform,.v-not-evaluated,.v-incomplete,.v-inconclusive,.v-waived{color:#9a6700}.v-nonconform{color:#cf222e}.v-not-applicable{color:#57606a}
.s-pass{color:#1a7f37;font-weight:700}.s-fail{color:#cf222e;font-weight:700}.s-error,.s-missing{color:#9a6700;font-weight:700}.s-skip{color:#57606a;font-weight:700}
.load{border:1px solid #d0d7de;border-radius:6px;padding:4px 16px;margin:12px 0}.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart text{font-size:11px;fill:#1b1f24}.chart .caption{font-weight:600}.chart .muted{fill:#57606a}
${palette.map((color, i) => `.chart .b${i}{fill:${color}}`).join('')}
@media print{.load,table{break-inside:avoid}h2{break-before:auto}}
`;
