import type { CompareColumn, CompareLoadRow } from './compareReports.ts';
import { escapeHtml as e } from './escapeHtml.ts';

/**
 * The legend of a comparison overlay chart: one row per compared report, with a line sample in the
 * report's stroke when its series is drawn, else a muted reason (no load figures, nothing stored).
 */
export function overlayLegend(props: {
  readonly columns: readonly CompareColumn[];
  readonly row: CompareLoadRow;
  /** Whether report i's series is drawn. */
  readonly drawn: (i: number) => boolean;
  readonly top: number;
  readonly rowHeight: number;
  /** What a drawn report's row says, after its letter. */
  readonly drawnText: (cell: NonNullable<CompareLoadRow['cells'][number]>) => string;
  /** What a report with load figures but no drawn series says, after its letter. */
  readonly notStored: string;
  /** The sample line's stroke attributes for report i. */
  readonly stroke: (i: number) => string;
}): string {
  return props.columns
    .map((col, i) => {
      const yRow = props.top + i * props.rowHeight;
      const cell = props.row.cells[i];
      const drawn = props.drawn(i);
      const text =
        cell === undefined
          ? `${col.letter} — no load figures`
          : drawn
            ? `${col.letter} — ${props.drawnText(cell)}`
            : `${col.letter} — ${props.notStored}`;
      const sample = drawn
        ? `<line x1="0" x2="28" y1="${yRow - 4}" y2="${yRow - 4}" ${props.stroke(i)}/>`
        : '';
      return `${sample}<text x="34" y="${yRow}"${drawn ? '' : ' class="muted"'}>${e(text)}</text>`;
    })
    .join('');
}
