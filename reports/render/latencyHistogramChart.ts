import type { Bilingual } from './bilingual.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { latencyBins } from './latencyBins.ts';

/**
 * The distribution of inclusion latency as inline SVG columns, from the HDR histogram the load
 * check stored (every recorded value, not a summary), with the profile's p95 bound marked where it
 * falls in range. Empty when the report holds no readable histogram: nothing is invented.
 */
export function latencyHistogramChart(
  histogram: string,
  p95BoundMs: number | undefined,
  t: Bilingual,
): string {
  const bins = latencyBins(histogram);
  if (bins === undefined) return '';
  const left = 44;
  const width = 480;
  const top = 22;
  const plotH = 120;
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const from = bins[0]!.fromMs;
  const to = bins.at(-1)!.toMs;
  const x = (ms: number) => left + ((ms - from) / (to - from || 1)) * width;
  const barW = width / bins.length;
  const columns = bins
    .map((b, i) => {
      const h = (b.count / maxCount) * plotH;
      return `<rect x="${(left + i * barW + 1).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${Math.max(1, barW - 2).toFixed(1)}" height="${h.toFixed(1)}" class="bar"><title>${fixed(b.fromMs)}–${fixed(b.toMs)} ms: ${b.count}</title></rect>`;
    })
    .join('');
  const axisY = top + plotH;
  const axis = `<line x1="${left}" x2="${left + width}" y1="${axisY}" y2="${axisY}" class="axis"/><text x="${left}" y="${axisY + 14}" text-anchor="middle">${fixed(from)}</text><text x="${left + width}" y="${axisY + 14}" text-anchor="middle">${fixed(to)} ms</text><text x="${left - 4}" y="${top + 8}" text-anchor="end">${maxCount}</text><text x="${left - 4}" y="${axisY}" text-anchor="end">0</text>`;
  const bound =
    p95BoundMs !== undefined && p95BoundMs >= from && p95BoundMs <= to
      ? `<line x1="${x(p95BoundMs).toFixed(1)}" x2="${x(p95BoundMs).toFixed(1)}" y1="${top}" y2="${axisY}" class="bound"/><text x="${x(p95BoundMs).toFixed(1)}" y="${top - 2}" text-anchor="middle">p95 bound ${fixed(p95BoundMs)} ms</text>`
      : '';
  const caption = t('确认时延分布', 'Inclusion latency distribution (transactions per bin)');
  const height = axisY + 22;
  return `<svg class="chart" role="img" aria-label="${e(caption)}" viewBox="0 0 ${left + width + 40} ${height}" width="${left + width + 40}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${columns}${axis}${bound}</svg>`;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
