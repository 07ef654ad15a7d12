import type { Report } from '#core/report/ReportSchema.ts';
import { ClauseVerdictValueSchema, clauseVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import type { Bilingual } from './bilingual.ts';
import { escapeHtml as e } from './escapeHtml.ts';

/**
 * Clause verdicts by area as inline SVG stacked bars: one bar per area of the profile (in the
 * profile's order), one segment per verdict with its count, and a legend. A reader sees at a glance
 * which areas conform and which were not evaluated; the table below holds every clause.
 */
export function clauseAreaChart(clauses: Report['clauses'], t: Bilingual): string {
  if (clauses.length === 0) return '';
  const areas = [...new Set(clauses.map((c) => c.area))];
  const verdicts = ClauseVerdictValueSchema.options;
  const counts = areas.map((area) => {
    const inArea = clauses.filter((c) => c.area === area);
    return {
      area,
      total: inArea.length,
      by: verdicts.map((v) => inArea.filter((c) => c.verdict === v).length),
    };
  });
  const left = 96;
  const width = 520;
  const rowH = 22;
  const top = 24;
  const max = Math.max(...counts.map((c) => c.total));
  const bars = counts
    .map(({ area, total, by }, i) => {
      const y = top + i * rowH;
      let x = left;
      const segments = by
        .map((n, j) => {
          if (n === 0) return '';
          const w = (n / max) * width;
          const verdict = verdicts[j]!;
          const label = `${area}: ${n} ${clauseVerdictLabels[verdict].en}`;
          const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="16" class="f-${verdict}"><title>${e(label)}</title></rect>`;
          const count =
            w >= 14
              ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 12}" text-anchor="middle" class="${verdict === 'not-evaluated' ? '' : 'on-bar'}">${n}</text>`
              : '';
          x += w;
          return rect + count;
        })
        .join('');
      return `<text x="0" y="${y + 12}">${e(area)}</text>${segments}<text x="${(x + 4).toFixed(1)}" y="${y + 12}" class="muted">${total}</text>`;
    })
    .join('');
  const present = verdicts.filter((_, j) => counts.some((c) => c.by[j]! > 0));
  const legendY = top + areas.length * rowH + 10;
  let legendX = 0;
  const legend = present
    .map((v) => {
      const text = t(clauseVerdictLabels[v].zh, clauseVerdictLabels[v].en);
      const item = `<rect x="${legendX}" y="${legendY}" width="12" height="12" class="f-${v}"/><text x="${legendX + 16}" y="${legendY + 10}">${e(text)}</text>`;
      legendX += 28 + text.length * 7;
      return item;
    })
    .join('');
  const height = legendY + 20;
  const caption = t('各领域条款结论', 'Clause verdicts by area');
  return `<svg class="chart" role="img" aria-label="${e(caption)}" viewBox="0 0 ${left + width + 40} ${height}" width="${left + width + 40}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${bars}${legend}</svg>`;
}
