import { z } from 'zod';
import type { Bilingual } from './bilingual.ts';
import { escapeHtml as e } from './escapeHtml.ts';

/** The steps a capacity search stores in its result's `actual` (load-tests/judgeCapacity.ts). */
const CapacityStepsSchema = z.object({
  steps: z
    .array(
      z.object({
        rateTps: z.number().nonnegative(),
        committedTps: z.number().nonnegative(),
        outcome: z.string(),
      }),
    )
    .min(1),
});

/**
 * Throughput over the run of a capacity search: its steps in the order they ran, each with the rate
 * offered and the rate committed, and whether the step held. Drawn only from the steps the check
 * stored (`actual.steps`); a load check without them gets no chart, never an estimated one.
 */
export function capacityStepsChart(actual: unknown, t: Bilingual): string {
  const parsed = CapacityStepsSchema.safeParse(actual);
  if (!parsed.success) return '';
  const { steps } = parsed.data;
  const left = 44;
  const barW = Math.min(48, 480 / steps.length);
  const width = barW * steps.length;
  const top = 22;
  const plotH = 120;
  const max = Math.max(1, ...steps.flatMap((s) => [s.rateTps, s.committedTps]));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const bars = steps
    .map((s, i) => {
      const x = left + i * barW;
      const held = s.outcome === 'held';
      return `<rect x="${(x + 2).toFixed(1)}" y="${y(s.rateTps).toFixed(1)}" width="${(barW / 2 - 2).toFixed(1)}" height="${(top + plotH - y(s.rateTps)).toFixed(1)}" class="offered"><title>step ${i + 1}: ${s.rateTps} tx/s offered</title></rect><rect x="${(x + barW / 2).toFixed(1)}" y="${y(s.committedTps).toFixed(1)}" width="${(barW / 2 - 2).toFixed(1)}" height="${(top + plotH - y(s.committedTps)).toFixed(1)}" class="${held ? 'f-conform' : 'f-nonconform'}"><title>step ${i + 1}: ${s.committedTps} tx/s committed (${e(s.outcome)})</title></rect><text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 14}" text-anchor="middle">${i + 1}</text>`;
    })
    .join('');
  const axis = `<line x1="${left}" x2="${left + width}" y1="${top + plotH}" y2="${top + plotH}" class="axis"/><text x="${left - 4}" y="${top + 8}" text-anchor="end">${Math.round(max)}</text><text x="${left - 4}" y="${top + plotH}" text-anchor="end">0</text>`;
  const caption = t('容量搜索各步吞吐 tx/s', 'Throughput per capacity-search step, tx/s', ' · ');
  const key = t(
    '灰：提交；绿/红：确认（成立/失败）',
    'grey offered; green/red committed (held/broke)',
    ' · ',
  );
  const height = top + plotH + 40;
  const w = Math.max(left + width + 40, 560);
  return `<svg class="chart" role="img" aria-label="${e(caption)}" viewBox="0 0 ${w} ${height}" width="${w}" height="${height}"><text x="0" y="12" class="caption">${e(caption)}</text>${bars}${axis}<text x="0" y="${height - 4}" class="muted">${e(key)}</text></svg>`;
}
