import { describe, expect, it } from 'vitest';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { bilingual } from './bilingual.ts';
import { renderHtml } from './renderHtml.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { renderPropertyRun } from './renderPropertyRun.ts';
import { renderPropertyRunMarkdown } from './renderPropertyRunMarkdown.ts';

const reportId = '20261130T120000Z-0a1b2c3d';
const t = bilingual('en');

/** A failed PROP-05 as runModelProperty records it: three shrunk commands, the second one failing. */
function failedNonceRace(overrides: Partial<NonNullable<CheckResult['property']>> = {}): CheckResult {
  return {
    checkId: 'property-nonce-race-model',
    kind: 'property',
    status: 'fail',
    summary: 'the chain disagreed with the nonce model',
    startedAt: '2026-11-30T12:00:00.000Z',
    durationMs: 4200,
    property: {
      seed: 20_261_130,
      path: '1:0:0',
      replayPath: 'AAAB',
      numRuns: 2,
      commandsExecuted: 11,
      shrinks: 3,
      counterexample: ['PendingBurst(0, 2)', 'SameNonce(1)', 'PendingBurst(1, 1)'],
      commands: [
        { name: 'PendingBurst', args: [0, 2] },
        { name: 'SameNonce', args: [1] },
        { name: 'PendingBurst', args: [1, 1] },
      ],
      failingStep: 1,
      failure: 'SameNonce(1): nonce 3, model 2 <b>',
      ...overrides,
    },
  };
}

describe('renderPropertyRun', () => {
  it('shows seed, runs, commands executed, shrinks and the counterexample with the failing step marked', () => {
    const html = renderPropertyRun(failedNonceRace(), reportId, t);
    for (const fragment of [
      '<tr><th>seed</th><td class="mono">20261130</td></tr>',
      '<tr><th>runs</th><td class="mono">2</td></tr>',
      '<tr><th>commands executed</th><td class="mono">11</td></tr>',
      '<tr><th>shrinks</th><td class="mono">3</td></tr>',
      'Counterexample (shrunk): 3 commands',
      '<li>PendingBurst(0, 2)</li>',
      '<li class="failing"><mark>SameNonce(1)</mark> <span class="s-fail">✗ SameNonce(1): nonce 3, model 2 &lt;b&gt;</span></li>',
      '<li class="muted">PendingBurst(1, 1) (not run: the step before failed)</li>',
    ]) {
      expect(html).toContain(fragment);
    }
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      'Replay: fast-check <code>{ seed: 20261130, path: "1:0:0", replayPath: "AAAB" }</code>',
    );
  });

  it('prints the exact replay command line, with the --target hint', () => {
    const html = renderPropertyRun(failedNonceRace(), reportId, t);
    expect(html).toContain(`<pre>npx chaineval replay ${reportId} property-nonce-race-model</pre>`);
    expect(html).toContain('<code>--target &lt;url&gt; --private-key-file &lt;key file&gt;</code>');
  });

  it('falls back to the commands as data, and states an unpinned failure under the list', () => {
    const html = renderPropertyRun(
      failedNonceRace({ counterexample: undefined, failingStep: undefined }),
      reportId,
      t,
    );
    expect(html).toContain('<li>SameNonce(1)</li>');
    expect(html).toContain('</ol><p><span class="s-fail">✗ SameNonce(1)');
    expect(html).not.toContain('<mark>');
  });

  it('offers no replay for a property that held, only the seed that generates the same histories', () => {
    const result: CheckResult = {
      ...failedNonceRace(),
      status: 'pass',
      property: { seed: 7, numRuns: 4, commandsExecuted: 20 },
    };
    const html = renderPropertyRun(result, reportId, t);
    expect(html).not.toContain('chaineval replay');
    expect(html).not.toContain('Counterexample');
    expect(html).toContain('<code>--param propertySeed=7</code>');
  });

  it('renders nothing for a result without a property run', () => {
    const { property: _property, ...conformance } = failedNonceRace();
    expect(renderPropertyRun({ ...conformance, kind: 'conformance' }, reportId, t)).toBe('');
  });

  it("is what the report page shows for the sample report's failing PROP-01", () => {
    const report = sampleReport();
    const html = renderHtml(report);
    const section = html.slice(html.indexOf('id="check-property-transfer-model"'));
    expect(section).toContain(`npx chaineval replay ${report.reportId} property-transfer-model`);
    expect(section).toContain('<li>Transfer(0 → 1, 1 wei)</li>');
  });
});

describe('renderPropertyRunMarkdown', () => {
  it('lists the counterexample with the failing step in bold and the replay command', () => {
    const lines = renderPropertyRunMarkdown(failedNonceRace(), reportId);
    expect(lines).toEqual([
      '  - Counterexample (shrunk, seed 20261130, 2 runs, 11 commands executed, 3 shrinks):',
      '    1. PendingBurst(0, 2)',
      '    2. **SameNonce(1)** — ✗ SameNonce(1): nonce 3, model 2 &lt;b&gt;',
      '    3. PendingBurst(1, 1) (not run)',
      `  - Reproduce: \`npx chaineval replay ${reportId} property-nonce-race-model\` (add \`--target <url> --private-key-file <key file>\` to rerun it on another chain)`,
    ]);
  });

  it('appears under the failed check in the Markdown report', () => {
    const report = sampleReport();
    const md = renderMarkdown(report);
    expect(md).toMatch(
      /- \*\*PROP-01 property-transfer-model\*\*.*\n {2}- Counterexample \(shrunk, seed 1234567, 4 runs, 19 commands executed\):\n {4}1\. Transfer\(0 → 1, 1 wei\)\n {2}- Failure — ✗ after Transfer\(0 → 1, 1 wei\): 0x7099… balance 9, model 10\n {2}- Reproduce: `npx chaineval replay /,
    );
  });
});
