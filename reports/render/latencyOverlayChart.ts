import type { Bilingual } from './bilingual.ts';
import type { CompareColumn, CompareLoadRow } from './compareReports.ts';
import { compareSeriesStyles } from './compareSeriesStyles.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { overlayLegend } from './overlayLegend.ts';

/**
 * One load check's latency distributions, one step line per report on a shared axis, as inline SVG:
 * the share of that report's transactions in each bin (shares, not counts, so a 100-transaction
 * run and a 500-transaction run have comparable shapes), each report's p95 as a vertical line in
 * its own colour and dash, and a legend naming A, B, … A report that stored no readable histogram
 * is named in the legend with "no distribution stored" and draws nothing: nothing is invented.
 * Empty when fewer than two reports hold the check (there is nothing to overlay).
 */
export function latencyOverlayChart(
  row: CompareLoadRow,
  columns: readonly CompareColumn[],
  t: Bilingual,
): string {
  if (row.cells.filter((c) => c !== undefined).length < 2) return '';
  const series = row.cells.flatMap((cell, i) => {
    const bins = cell?.latencyDistribution;
    if (cell === undefined || bins === undefined || bins.length === 0) return [];
    const total = bins.reduce((n, b) => n + b.count, 0);
    return total === 0 ? [] : [{ i, cell, bins, shares: bins.map((b) => (b.count / total) * 100) }];
  });
  const left = 44;
  const width = 480;
  const top = 22;
  const plotH = 140;
  const axisY = top + plotH;
  const legendTop = axisY + 26;
  const legendRowH = 16;
  const height = legendTop + columns.length * legendRowH + 4;
  const caption = t(
    '确认时延分布对比',
    'Inclusion latency distributions (share of each report’s transactions per bin)',
  );
  const style = (i: number) => compareSeriesStyles[i % compareSeriesStyles.length]!;
  const stroke = (i: number, strokeWidth: number) =>
    `fill="none" stroke="${style(i).colour}" stroke-width="${strokeWidth}"${style(i).dash === 'none' ? '' : ` stroke-dasharray="${style(i).dash}"`}`;

  let plot = '';
  const first = series[0];
  if (first === undefined) {
    plot = `<text x="${left}" y="${top + plotH / 2}" class="muted">no distribution stored in any of the reports</text>`;
  } else {
    const from = first.bins[0]!.fromMs;
    const to = first.bins.at(-1)!.toMs;
    const maxShare = Math.max(...series.flatMap((s) => s.shares));
    const x = (ms: number) => left + ((Math.min(to, Math.max(from, ms)) - from) / (to - from || 1)) * width;
    const y = (share: number) => axisY - (share / maxShare) * plotH;
    const lines = series
      .map(({ i, bins, shares }) => {
        const points = [`${x(bins[0]!.fromMs).toFixed(1)},${axisY.toFixed(1)}`];
        bins.forEach((b, k) => {
          const yk = y(shares[k]!).toFixed(1);
          points.push(`${x(b.fromMs).toFixed(1)},${yk}`, `${x(b.toMs).toFixed(1)},${yk}`);
        });
        points.push(`${x(bins.at(-1)!.toMs).toFixed(1)},${axisY.toFixed(1)}`);
        return `<polyline class="series s${i}" points="${points.join(' ')}" ${stroke(i, 2)}><title>${columns[i]?.letter}: ${e(bins.map((b, k) => `${fixed(b.fromMs)}–${fixed(b.toMs)} ms ${fixed(shares[k]!)}%`).join(', '))}</title></polyline>`;
      })
      .join('');
    const p95s = series
      .map(({ i, cell }, k) => {
        const px = x(cell.p95Ms).toFixed(1);
        return `<line class="p95 s${i}" x1="${px}" x2="${px}" y1="${top}" y2="${axisY}" ${stroke(i, 1)}/><text x="${(Number(px) + 3).toFixed(1)}" y="${top + 10 + k * 12}">${columns[i]?.letter} p95</text>`;
      })
      .join('');
    plot = `${lines}${p95s}<line x1="${left}" x2="${left + width}" y1="${axisY}" y2="${axisY}" stroke="#57606a"/><text x="${left}" y="${axisY + 14}" text-anchor="middle">${fixed(from)}</text><text x="${left + width}" y="${axisY + 14}" text-anchor="middle">${fixed(to)} ms</text><text x="${left - 4}" y="${top + 8}" text-anchor="end">${fixed(maxShare)}%</text><text x="${left - 4}" y="${axisY}" text-anchor="end">0</text>`;
  }

  const legend = overlayLegend({
    columns,
    row,
    drawn: (i) => series.some((s) => s.i === i),
    top: legendTop,
    rowHeight: legendRowH,
    drawnText: (cell) => `p95 ${fixed(cell.p95Ms)} ms`,
    notStored: 'no distribution stored',
    stroke: (i) => stroke(i, 2),
  });
  return `<svg class="chart overlay" role="img" aria-label="${e(caption)}" viewBox="0 0 ${left + width + 60} ${height}" width="${left + width + 60}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${plot}${legend}</svg>`;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
