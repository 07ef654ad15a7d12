import type { CheckStatus } from '#core/checks/CheckResultSchema.ts';
import { modalLabels } from '#core/profile/ClauseSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { clauseVerdictLabels, overallVerdictLabels } from '#core/scoring/ClauseVerdictSchema.ts';
import { sanitizeForTerminal } from './sanitizeForTerminal.ts';

export interface RenderTerminalSummaryOptions {
  /** ANSI colours for verdicts and statuses; @default false (plain text for logs and CI) */
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
  inconclusive: 'warn',
  incomplete: 'warn',
};
const statusTone: Record<CheckStatus, Tone> = { pass: 'good', fail: 'bad', error: 'warn', skip: 'dim' };

/**
 * The summary `chaineval run` prints: one row per clause (bilingual title, modal verb, verdict) with
 * its checks beneath, then score, coverage and the overall verdict with its reasons. Pure; every
 * string that may come from the target passes through sanitizeForTerminal.
 */
export function renderTerminalSummary(report: Report, options: RenderTerminalSummaryOptions = {}): string {
  const paint = (tone: Tone, text: string) =>
    options.color ? `\u001b[${ansi[tone]}m${text}\u001b[0m` : text;
  const safe = sanitizeForTerminal;
  const results = new Map(report.results.map((r) => [r.checkId, r]));
  const catalogue = new Map(report.checks.map((c) => [c.id, c.catalogueId]));
  const lines: string[] = [];

  lines.push(paint('bold', `chaineval report ${report.reportId}`));
  lines.push(
    `profile ${safe(report.profile.id)}@${safe(report.profile.version)} · ${safe(report.profile.title.zh)} / ${safe(report.profile.title.en)}`,
  );
  if (report.overriddenParameters.length > 0) {
    lines.push(
      `params  set for this run: ${report.overriddenParameters.map((k) => `${safe(k)}=${safe(JSON.stringify(report.parameters[k]) ?? '')}`).join(', ')}`,
    );
  }
  const t = report.target;
  lines.push(
    `target  ${safe(t.family)} chain ${safe(t.chainId)} · ${safe(t.clientVersion)} · ${safe(t.endpoint)}${t.embedded ? ' (embedded)' : ''}`,
  );
  lines.push(
    report.run.status === 'running'
      ? `run     running since ${report.run.startedAt}; results as of ${report.run.finishedAt}`
      : `run     ${report.run.status}, ${report.run.startedAt} → ${report.run.finishedAt}`,
  );
  if (report.run.incompleteReason) lines.push(`        ${paint('warn', safe(report.run.incompleteReason))}`);
  lines.push('');

  const rows = report.clauses.map((c) => ({
    clause: c,
    cells: [
      c.clauseId,
      `${c.modal} ${modalLabels[c.modal]}`,
      `${clauseVerdictLabels[c.verdict].zh} ${clauseVerdictLabels[c.verdict].en}`,
    ],
  }));
  const headers = ['Clause', 'Modal', 'Verdict'];
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i] ?? ''))),
  );
  const row = (cells: string[], tones: (Tone | undefined)[] = []) =>
    cells
      .map((cell, i) => {
        const padded = i < widths.length ? pad(cell, widths[i] ?? 0) : cell;
        const tone = tones[i];
        return tone ? paint(tone, padded) : padded;
      })
      .join('  ')
      .trimEnd();

  lines.push(paint('bold', row([...headers, 'Title'])));
  const listed = new Set<string>();
  for (const { clause, cells } of rows) {
    lines.push(
      row(
        [...cells, `${safe(clause.title.zh)} ${safe(clause.title.en)}`],
        [undefined, undefined, verdictTone[clause.verdict]],
      ),
    );
    for (const w of clause.waivedBy ?? []) {
      lines.push(
        `    ${paint('warn', 'WAIVED ')} by ${safe(w.parameter)}=${safe(JSON.stringify(w.value) ?? '')} (required ${safe(JSON.stringify(w.requirement) ?? '')})`,
      );
    }
    if (clause.reason) lines.push(`    ${paint('dim', 'NOT EVALUATED')} ${safe(clause.reason)}`);
    for (const checkId of clause.checkIds) {
      listed.add(checkId);
      lines.push(`    ${checkLine(checkId)}`);
    }
  }
  const unlisted = report.results.filter((r) => !listed.has(r.checkId));
  if (unlisted.length > 0) {
    lines.push('', paint('bold', 'Checks evidencing no clause of the profile'));
    for (const r of unlisted) lines.push(`    ${checkLine(r.checkId)}`);
  }

  const s = report.score;
  lines.push('');
  lines.push(
    `Score    ${s.value} / 100 over ${round1(s.coverage * 100)}% coverage (${s.evaluatedWeight} of ${s.totalWeight} weight evaluated; conform needs ≥ ${s.passScore} with ≥ ${round1(s.minCoverage * 100)}% coverage)`,
  );
  const overall = overallVerdictLabels[report.overall.verdict];
  lines.push(
    `Overall  ${paint(verdictTone[report.overall.verdict] ?? 'bold', `${overall.zh} ${overall.en}`)}`,
  );
  for (const reason of report.overall.reasons) lines.push(`  - ${safe(reason)}`);
  lines.push(`Report   ${report.reportId}`);
  return `${lines.join('\n')}\n`;

  function checkLine(checkId: string): string {
    const result = results.get(checkId);
    const label = `${catalogue.get(checkId) ?? '?'} ${safe(checkId)}`;
    if (!result) return `${paint('warn', pad('MISSING', 7))} ${label}: no result was stored`;
    const skip = result.waiver ? ' (waived)' : result.skipReason ? ` (${result.skipReason})` : '';
    return `${paint(statusTone[result.status], pad(result.status.toUpperCase(), 7))} ${label}: ${safe(result.summary)}${skip}`;
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Columns a string takes in a terminal: CJK ideographs and full-width forms take two (UAX #11 "W"/"F"). */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}
