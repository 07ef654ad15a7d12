import type { LoadSeries } from '#core/checks/LoadSeriesSchema.ts';
import type { Bilingual } from './bilingual.ts';
import { escapeHtml as e } from './escapeHtml.ts';

interface Line {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
  readonly dashed?: boolean;
}

const left = 52;
const width = 480;
const top = 22;
const plotH = 120;

/**
 * The load run over time as two inline SVG line charts, from the series the load check stored
 * (core/checks/LoadSeriesSchema.ts): throughput (offered, accepted and committed tx/s per point)
 * and inclusion latency (p50, p95 of the transactions committed in each point, with the profile's
 * p95 bound). A chain that keeps up shows the three throughput lines together; one that falls
 * behind shows committed sagging and p95 climbing while offered stays flat. Empty when the check
 * stored no series: nothing is invented.
 */
export function loadSeriesChart(
  series: LoadSeries | undefined,
  p95BoundMs: number | undefined,
  t: Bilingual,
): string {
  if (series === undefined || series.offered.length === 0) return '';
  const perS = (counts: readonly number[]) => counts.map((c) => c / series.bucketS);
  const throughput = chart(
    series,
    t('吞吐随时间 tx/s', 'Throughput over time, tx/s', ' · '),
    [
      { label: 'offered', color: '#8c959f', values: perS(series.offered) },
      { label: 'accepted', color: '#0969da', values: perS(series.accepted), dashed: true },
      { label: 'committed', color: '#1a7f37', values: perS(series.committed) },
    ],
    undefined,
  );
  // A point where nothing was committed has no latency: its gap is left out rather than drawn as 0.
  const committed = (values: readonly number[]) =>
    values.map((v, i) => (series.committed[i] ? v : Number.NaN));
  const latency = chart(
    series,
    t('确认时延随时间 ms', 'Inclusion latency over time, ms', ' · '),
    [
      { label: 'p50', color: '#0969da', values: committed(series.p50Ms) },
      { label: 'p95', color: '#bc4c00', values: committed(series.p95Ms) },
    ],
    p95BoundMs,
  );
  return `${throughput}${latency}`;
}

function chart(
  series: LoadSeries,
  caption: string,
  lines: readonly Line[],
  boundMs: number | undefined,
): string {
  const n = series.offered.length;
  const finite = lines.flatMap((l) => l.values.filter(Number.isFinite));
  const max = niceCeil(Math.max(1, ...finite, boundMs ?? 0));
  // Point i covers [i, i+1) × bucketS seconds: drawn at its middle, under a time axis of the whole run.
  const x = (i: number) => left + ((i + 0.5) / n) * width;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const axisY = top + plotH;
  const paths = lines
    .map((line) => {
      // Split at missing values so a gap stays a gap.
      const runs: string[][] = [[]];
      line.values.forEach((v, i) => {
        if (Number.isFinite(v)) runs.at(-1)!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
        else if (runs.at(-1)!.length > 0) runs.push([]);
      });
      return runs
        .filter((r) => r.length > 0)
        .map((r) =>
          r.length === 1
            ? `<circle cx="${r[0]!.split(',')[0]}" cy="${r[0]!.split(',')[1]}" r="2" fill="${line.color}"/>`
            : `<polyline points="${r.join(' ')}" fill="none" stroke="${line.color}" stroke-width="1.5"${line.dashed ? ' stroke-dasharray="4 3"' : ''}><title>${e(line.label)}</title></polyline>`,
        )
        .join('');
    })
    .join('');
  const endS = n * series.bucketS;
  const axis = `<line x1="${left}" x2="${left + width}" y1="${axisY}" y2="${axisY}" stroke="#57606a"/><line x1="${left}" x2="${left}" y1="${top}" y2="${axisY}" stroke="#57606a"/><text x="${left - 4}" y="${top + 8}" text-anchor="end">${fixed(max)}</text><text x="${left - 4}" y="${axisY}" text-anchor="end">0</text><text x="${left}" y="${axisY + 14}" text-anchor="middle">0</text><text x="${left + width}" y="${axisY + 14}" text-anchor="middle">${endS} s</text>`;
  const bound =
    boundMs !== undefined && boundMs <= max
      ? `<line x1="${left}" x2="${left + width}" y1="${y(boundMs).toFixed(1)}" y2="${y(boundMs).toFixed(1)}" stroke="#cf222e" stroke-dasharray="6 4"/><text x="${left + width}" y="${(y(boundMs) - 3).toFixed(1)}" text-anchor="end">p95 bound ${fixed(boundMs)} ms</text>`
      : '';
  const key = lines
    .map(
      (l, i) =>
        `<rect x="${left + i * 96}" y="${axisY + 24}" width="10" height="10" fill="${l.color}"/><text x="${left + i * 96 + 14}" y="${axisY + 33}">${e(l.label)}</text>`,
    )
    .join('');
  const resolution =
    series.bucketS === 1
      ? ''
      : `<text x="${left + width}" y="12" text-anchor="end" class="muted">${series.bucketS} s per point</text>`;
  const height = axisY + 42;
  const w = left + width + 40;
  return `<svg class="chart" role="img" aria-label="${e(caption)}" viewBox="0 0 ${w} ${height}" width="${w}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${resolution}${axis}${bound}${paths}${key}</svg>`;
}

/** 1, 2 or 5 times a power of ten, at or above `v`: an axis top a reader can take in at a glance. */
function niceCeil(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= v) ?? 10 * power;
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
