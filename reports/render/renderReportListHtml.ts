import type { ReportSummary } from '#core/report/ReportSchema.ts';
import { OverallVerdictValueSchema, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { bilingual } from './bilingual.ts';
import { compareLimits } from './compareReports.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import type { ReportLang } from './ReportLangSchema.ts';
import { renderPage } from './renderPage.ts';

export interface ReportListFilters {
  /** An endpoint, exactly as stored; undefined for every target. */
  readonly target?: string | undefined;
  readonly verdict?: string | undefined;
}

export interface RenderReportListProps {
  /** Every stored report (newest first): the target filter offers each endpoint among them. */
  readonly reports: readonly ReportSummary[];
  readonly filters: ReportListFilters;
  readonly lang: ReportLang;
}

/**
 * The `chaineval serve` front page: the stored reports, filtered by target and verdict through a
 * plain GET form, each with a checkbox; the "compare" button submits the ticked ids to /compare.
 * Works without JavaScript (the page forbids scripts, as every page of the harness does).
 */
export function renderReportListHtml({ reports, filters, lang }: RenderReportListProps): string {
  const t = bilingual(lang);
  const shown = reports.filter(
    (r) =>
      (filters.target === undefined || r.endpoint === filters.target) &&
      (filters.verdict === undefined || r.verdict === filters.verdict),
  );
  const targets = [...new Set(reports.map((r) => r.endpoint))].sort();
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
  const filterForm = `<form class="filters" method="get" action="/">
<label>${t('被测对象', 'Target')} <select name="target">${option('', t('全部', 'all'), filters.target === undefined)}${targets.map((x) => option(x, x, x === filters.target)).join('')}</select></label>
<label>${t('结论', 'Verdict')} <select name="verdict">${option('', t('全部', 'all'), filters.verdict === undefined)}${OverallVerdictValueSchema.options.map((v) => option(v, t(overallVerdictLabels[v].zh, overallVerdictLabels[v].en), v === filters.verdict)).join('')}</select></label>
<button type="submit">${t('筛选', 'Filter')}</button> <a href="/">${t('清除', 'clear')}</a>
</form>`;
  const rows = shown.map((r) => {
    const verdict = overallVerdictLabels[r.verdict];
    return `<tr><td><input type="checkbox" name="ids" value="${e(r.reportId)}" aria-label="select ${e(r.reportId)}"></td><td><a href="/reports/${e(r.reportId)}">${e(r.reportId)}</a><br><span class="muted">${e(r.createdAt)}</span></td><td class="v-${e(r.verdict)}">${t(e(verdict.zh), e(verdict.en), '<br>')}${r.status === 'complete' ? '' : `<br><span class="muted">run ${e(r.status)}</span>`}</td><td>${r.score.toFixed(1)}</td><td>${r.coverage === undefined ? '–' : `${Math.round(r.coverage * 100)}%`}</td><td>${e(r.clientVersion)}<br><span class="muted">chain ${e(r.chainId)} · ${e(r.endpoint)}</span></td><td><code>${e(r.profile)}</code></td><td><a href="/reports/${e(r.reportId)}.json">JSON</a></td></tr>`;
  });
  const table =
    shown.length === 0
      ? `<p class="muted">${reports.length === 0 ? 'no reports stored yet; run "chaineval evaluate" first' : 'no report matches these filters'}</p>`
      : `<form method="get" action="/compare">
<p><button type="submit">${t('对比所选报告', 'Compare selected reports')}</button> <span class="muted">tick ${compareLimits.min}–${compareLimits.max} reports; the topmost ticked is the baseline, A</span></p>
<table class="list"><colgroup><col style="width:3em"><col style="width:20%"><col style="width:12%"><col style="width:7%"><col style="width:10%"><col><col style="width:14%"><col style="width:5em"></colgroup>
<thead><tr><th></th><th>${t('报告', 'Report')}</th><th>${t('结论', 'Verdict')}</th><th>${t('得分', 'Score')}</th><th>${t('覆盖率', 'Coverage')}</th><th>${t('被测对象', 'Target')}</th><th>${t('规范', 'Profile')}</th><th></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</form>`;
  const body = `<header>
<h1>${t('评测报告', 'Evaluation reports')}<br><small>chaineval serve · ${shown.length} of ${reports.length} shown · read-only</small></h1>
</header>
<main>
<nav>${filterForm}</nav>
${table}
</main>`;
  return renderPage({ lang, title: 'chaineval reports', css, body });
}

const css = `
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:16px 0}
select{max-width:28em}
table.list td:first-child{text-align:center}
`;
