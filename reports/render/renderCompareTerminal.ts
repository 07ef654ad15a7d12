import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import type { CompareCheckCell, CompareLoadCell, CompareModel } from './compareReports.ts';
import { displayWidth } from './displayWidth.ts';
import { sanitizeForTerminal as safe } from './sanitizeForTerminal.ts';

export interface RenderCompareTerminalOptions {
  /** ANSI colours for verdicts, statuses and warnings; @default false (plain text for logs and CI) */
  readonly color?: boolean;
}

type Tone = 'good' | 'bad' | 'warn' | 'dim' | 'bold';
const ansi: Record<Tone, string> = { good: '32', bad: '31', warn: '33', dim: '2', bold: '1' };
const verdictTone: Record<string, Tone> = {
  conform: 'good',
  'partially-conform': 'warn',
  nonconform: 'bad',
  'not-applicable': 'dim',
  'not-evaluated': 'warn',
  waived: 'warn',
  attested: 'good',
  inconclusive: 'warn',
  incomplete: 'warn',
};
const statusTone: Record<string, Tone> = {
  pass: 'good',
  fail: 'bad',
  error: 'warn',
  skip: 'dim',
  missing: 'warn',
};

/**
 * The comparison as `chaineval compare` prints it: warnings first, then the reports (A, B …), score
 * and coverage with deltas against A, clauses and checks side by side with ≠ where the reports
 * disagree, and the load figures. Pure; every string from a report passes through
 * sanitizeForTerminal (a client version is the target's own words).
 */
export function renderCompareTerminal(
  model: CompareModel,
  options: RenderCompareTerminalOptions = {},
): string {
  const paint = (tone: Tone | undefined, text: string) =>
    options.color && tone ? `\u001b[${ansi[tone]}m${text}\u001b[0m` : text;
  const letters = model.columns.map((c) => c.letter);
  const lines: string[] = [];

  lines.push(paint('bold', `chaineval comparison of ${model.columns.length} reports (deltas are against A)`));
  lines.push('');
  if (model.warnings.length > 0) {
    lines.push(paint('warn', 'Read first: these reports are not like for like'));
    for (const w of model.warnings) lines.push(`  ! ${safe(w)}`);
    lines.push('');
  }
  for (const c of model.columns) {
    const t = c.target;
    lines.push(
      `${c.letter}  ${c.reportId}  ${safe(c.profile)} · ${safe(t.clientVersion)} · chain ${safe(t.chainId)} · ${safe(t.endpoint)} · chaineval ${safe(c.harnessVersion)}${c.runStatus === 'complete' ? '' : ` · run ${c.runStatus}`}`,
    );
  }
  lines.push('');

  lines.push(
    ...table(
      ['', ...letters],
      [
        [
          cell('Overall'),
          ...model.columns.map((c) => cell(overallVerdictLabels[c.verdict].en, verdictTone[c.verdict])),
        ],
        [
          cell('Score'),
          ...model.columns.map((c, i) => cell(`${c.score}${i === 0 ? '' : ` (${signed(c.scoreDelta)})`}`)),
        ],
        [
          cell('Coverage'),
          ...model.columns.map((c, i) =>
            cell(`${percent(c.coverage)}${i === 0 ? '' : ` (${signed(round1(c.coverageDelta * 100))} pt)`}`),
          ),
        ],
      ],
    ),
  );
  lines.push('');

  const clauseDiffs = model.clauses.filter((r) => r.differs).length;
  lines.push(paint('bold', `Clauses (${clauseDiffs} of ${model.clauses.length} differ)`));
  lines.push(
    ...table(
      ['Clause', ...letters, 'Δ', 'Title'],
      model.clauses.map((r) => [
        cell(safe(r.clauseId)),
        ...r.verdicts.map((v) =>
          v === undefined ? cell('—', 'dim') : cell(clauseVerdictLabels[v].en, verdictTone[v]),
        ),
        cell(r.differs ? '≠' : ''),
        cell(`${safe(r.title.zh)} ${safe(r.title.en)}`),
      ]),
    ),
  );
  lines.push('');

  const checkDiffs = model.checks.filter((r) => r.differs).length;
  lines.push(
    paint('bold', `Checks (${checkDiffs} of ${model.checks.length} differ; — not in that report's profile)`),
  );
  lines.push(
    ...table(
      ['Check', ...letters, 'Δ'],
      model.checks.map((r) => [
        cell(`${safe(r.catalogueId)} ${safe(r.checkId)}`),
        ...r.statuses.map(statusCell),
        cell(r.differs ? '≠' : ''),
      ]),
    ),
  );

  if (model.load.length > 0) {
    lines.push('');
    lines.push(paint('bold', 'Load (deltas against A)'));
    const figures: [string, (c: CompareLoadCell) => number | string, string][] = [
      ['offered', (c) => c.offered, ''],
      ['committed TPS', (c) => c.committedTps, ''],
      ['p50 latency', (c) => c.p50Ms, ' ms'],
      ['p95 latency', (c) => c.p95Ms, ' ms'],
      ['success rate', (c) => `${percent(c.successRate)}`, ''],
    ];
    const rows: Cell[][] = [];
    for (const r of model.load) {
      figures.forEach(([label, pick, unit], n) => {
        const base = r.cells[0];
        rows.push([
          cell(n === 0 ? `${safe(r.catalogueId)} ${safe(r.checkId)}` : ''),
          cell(label),
          ...r.cells.map((c, i) => {
            if (c === undefined) return cell('—', 'dim');
            const v = pick(c);
            const b = base === undefined ? undefined : pick(base);
            const delta =
              i > 0 && typeof v === 'number' && typeof b === 'number'
                ? ` (${signed(round1(round1(v) - round1(b)))})`
                : '';
            const bottleneck = n === 1 && c.harnessBottleneck ? ' harness-bound' : '';
            return cell(`${typeof v === 'number' ? fixed(v) : safe(v)}${unit}${delta}${bottleneck}`);
          }),
        ]);
      });
    }
    lines.push(...table(['Check', 'Figure', ...letters], rows));
  }
  return `${lines.join('\n')}\n`;

  function statusCell(s: CompareCheckCell): Cell {
    return s === undefined ? cell('—', 'dim') : cell(s.toUpperCase(), statusTone[s]);
  }

  /** Left-aligned columns padded by display width; colour applied after padding. */
  function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string[] {
    const widths = headers.map((h, i) =>
      Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]?.text ?? ''))),
    );
    const line = (cells: readonly Cell[]) =>
      cells
        .map((c, i) =>
          paint(c.tone, c.text + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c.text)))),
        )
        .join('  ')
        .trimEnd();
    return [paint('bold', line(headers.map((h) => cell(h)))), ...rows.map(line)];
  }
}

interface Cell {
  readonly text: string;
  readonly tone: Tone | undefined;
}

function cell(text: string, tone?: Tone): Cell {
  return { text, tone };
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
