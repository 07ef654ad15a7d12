import type { Bilingual } from './bilingual.ts';
import type { CompareColumn, CompareLoadRow } from './compareReports.ts';
import { compareSeriesStyles } from './compareSeriesStyles.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { overlayLegend } from './overlayLegend.ts';

/**
 * One load check's committed throughput over time, one line per report on a shared axis of seconds
 * since each run's own start (the runs happened at different times), as inline SVG in each report's
 * colour and dash. Drawn only from the per-second series a report stored; a report without one is
 * named in the legend with "no per-second series stored". Empty when fewer than two reports hold the
 * check.
 */
export function throughputOverlayChart(
  row: CompareLoadRow,
  columns: readonly CompareColumn[],
  t: Bilingual,
): string {
  if (row.cells.filter((c) => c !== undefined).length < 2) return '';
  const series = row.cells.flatMap((cell, i) =>
    cell?.throughput === undefined || cell.throughput.committedTps.length === 0
      ? []
      : [{ i, ...cell.throughput }],
  );
  const left = 44;
  const width = 480;
  const top = 22;
  const plotH = 120;
  const axisY = top + plotH;
  const legendTop = axisY + 26;
  const legendRowH = 16;
  const height = legendTop + columns.length * legendRowH + 4;
  const caption = t('确认吞吐量随时间变化', 'Committed throughput over time (tx/s, from each run’s start)');
  const style = (i: number) => compareSeriesStyles[i % compareSeriesStyles.length]!;
  const stroke = (i: number) =>
    `fill="none" stroke="${style(i).colour}" stroke-width="2"${style(i).dash === 'none' ? '' : ` stroke-dasharray="${style(i).dash}"`}`;

  let plot: string;
  if (series.length === 0) {
    plot = `<text x="${left}" y="${top + plotH / 2}" class="muted">no per-second series stored in any of the reports</text>`;
  } else {
    const endS = Math.max(...series.map((s) => s.committedTps.length * s.bucketS));
    const maxTps = Math.max(1, ...series.flatMap((s) => s.committedTps));
    const x = (seconds: number) => left + (seconds / endS) * width;
    const y = (tps: number) => axisY - (tps / maxTps) * plotH;
    const lines = series
      .map(({ i, bucketS, committedTps }) => {
        // Each point's value is drawn at the middle of its interval.
        const points = committedTps.map(
          (tps, k) => `${x((k + 0.5) * bucketS).toFixed(1)},${y(tps).toFixed(1)}`,
        );
        const title = committedTps.map((tps, k) => `${k * bucketS}s ${fixed(tps)}`).join(', ');
        return `<polyline class="series s${i}" points="${points.join(' ')}" ${stroke(i)}><title>${columns[i]?.letter}: ${e(title)}</title></polyline>`;
      })
      .join('');
    plot = `${lines}<line x1="${left}" x2="${left + width}" y1="${axisY}" y2="${axisY}" stroke="#57606a"/><text x="${left}" y="${axisY + 14}" text-anchor="middle">0</text><text x="${left + width}" y="${axisY + 14}" text-anchor="middle">${fixed(endS)} s</text><text x="${left - 4}" y="${top + 8}" text-anchor="end">${fixed(maxTps)}</text><text x="${left - 4}" y="${axisY}" text-anchor="end">0</text>`;
  }
  const legend = overlayLegend({
    columns,
    row,
    drawn: (i) => series.some((s) => s.i === i),
    top: legendTop,
    rowHeight: legendRowH,
    drawnText: (cell) => `${fixed(cell.committedTps)} tx/s committed over the run`,
    notStored: 'no per-second series stored',
    stroke: stroke,
  });
  return `<svg class="chart overlay-throughput" role="img" aria-label="${e(caption)}" viewBox="0 0 ${left + width + 60} ${height}" width="${left + width + 60}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${plot}${legend}</svg>`;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
