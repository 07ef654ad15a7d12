import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReportSchema } from '#core/report/ReportSchema.ts';

const cliBin = fileURLToPath(new URL('../../cli/bin/chaineval.js', import.meta.url));
const sha = 'ab'.repeat(32);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function chaineval(argv: readonly string[], cwd: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliBin, ...argv],
      { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Issue 7 items 6 and 7: documents for the evidence items (`--evidence`) and parameters from a file
 * (`--params`), JSON or YAML. A malformed file is refused before anything starts with one line naming
 * the file, the field and its line; a good one shows in the report — attested apart from machine
 * verdicts, and every parameter value used marked where it differs from the profile's default.
 */
describe('--evidence and --params files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-files-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const refusals: [string, string, string, RegExp][] = [
    [
      'a YAML syntax error',
      '--params',
      'ledgerSampleBlocks: [1,\n',
      /^chaineval: --params ".*bad\.yaml" line \d+: not valid JSON or YAML/,
    ],
    [
      'an unknown parameter',
      '--params',
      'ledgerSampleBlocks: 8\nledgerSampleBlockz: 9\n',
      /^chaineval: --params ".*bad\.yaml": ledgerSampleBlockz \(line 2\): profile jrt-0193-2020 has no parameter "ledgerSampleBlockz"; known: /,
    ],
    [
      'a value its check refuses',
      '--params',
      'receiptTimeoutMs: 15000\nledgerSampleBlocks: -3\n',
      /^chaineval: --params ".*bad\.yaml": ledgerSampleBlocks \(line 2\): Too small/,
    ],
    [
      'a wrong element of a list parameter',
      '--params',
      'allowedCryptoSuites:\n  - sm2-sm3\n  - md5\n',
      /^chaineval: --params ".*bad\.yaml": allowedCryptoSuites\[1\] \(line 3\): Invalid option/,
    ],
    [
      'a malformed digest',
      '--evidence',
      `attestations:\n  - item: mlps-level3-report\n    document: mlps.pdf\n    sha256: ${sha.slice(2)}\n    attestedBy: Auditor\n    attestedAt: 2026-11-01\n`,
      /^chaineval: --evidence ".*bad\.yaml": attestations\[0\]\.sha256 \(line 4\): sha256 must be 64 lower-case hex digits$/,
    ],
    [
      'an item the profile does not ask for',
      '--evidence',
      `attestations:\n  - item: mlps-level3-report\n    document: a.pdf\n    sha256: ${sha}\n    attestedBy: A\n    attestedAt: 2026-11-01\n  - item: moon-landing\n    document: b.pdf\n    sha256: ${sha}\n    attestedBy: A\n    attestedAt: 2026-11-01\n`,
      /^chaineval: --evidence ".*bad\.yaml": attestations\[1\]\.item \(line 7\): profile jrt-0193-2020 asks for no evidence item "moon-landing"/,
    ],
    [
      'a missing field',
      '--evidence',
      `attestations:\n  - item: mlps-level3-report\n    document: a.pdf\n    sha256: ${sha}\n    attestedAt: 2026-11-01\n`,
      /^chaineval: --evidence ".*bad\.yaml": attestations\[0\]\.attestedBy \(line 2\): missing; /,
    ],
  ];

  it.each(refusals)(
    'refuses %s in one line naming the field and its line',
    async (_, flag, text, message) => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, text);
      const outcome = await chaineval(['evaluate', flag, file], dir);
      expect(outcome.code).toBe(1);
      const lines = outcome.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(outcome.stdout).toBe('');
    },
  );

  const hookRefusals: [string, readonly string[], string, RegExp][] = [
    [
      'node hooks for the embedded chain',
      [],
      'version: 1\nnodes:\n  - name: a\n    stop: { command: ["true"] }\n    start: { command: ["true"] }\n',
      /^chaineval: --node-hooks controls the nodes of a --target network; pass --target once per node/,
    ],
    [
      'a node naming an endpoint the run lacks',
      ['--target', 'http://127.0.0.1:1', '--target', 'http://127.0.0.1:2'],
      'version: 1\nnodes:\n  - name: a\n    endpoint: 0\n    stop: { command: ["true"] }\n    start: { command: ["true"] }\n  - name: b\n    endpoint: 2\n    stop: { command: ["true"] }\n    start: { command: ["true"] }\n',
      /^chaineval: --node-hooks ".*hooks\.yaml": nodes\[1\]\.endpoint \(line 8\): node "b" names endpoint 2, but the run has 2 --target\(s\)/,
    ],
    [
      'a hook that is neither a command nor an HTTP call',
      ['--target', 'http://127.0.0.1:1'],
      'version: 1\nnodes:\n  - name: a\n    stop: { shell: "systemctl stop node" }\n    start: { command: ["true"] }\n',
      /^chaineval: --node-hooks ".*hooks\.yaml": nodes\[0\]\.stop \(line 4\): a hook is \{ "command": \[program, \.\.\.args\] \} or \{ "http": \{ "url": \.\.\. \} \}/,
    ],
  ];

  it.each(hookRefusals)(
    'refuses %s (--node-hooks) in one line, before anything starts',
    async (_, targets, text, message) => {
      const file = join(dir, 'hooks.yaml');
      await writeFile(file, text);
      const key = join(dir, 'target.key');
      await writeFile(key, `0x${'11'.repeat(32)}\n`);
      const keyFlags = targets.length > 0 ? ['--private-key-file', key] : [];
      const outcome = await chaineval(['evaluate', ...targets, ...keyFlags, '--node-hooks', file], dir);
      expect(outcome.code).toBe(1);
      const lines = outcome.stderr.trim().split('\n');
      expect(lines, outcome.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    },
  );

  it('shows attested documents apart from machine verdicts and marks parameters set from the file', async () => {
    const evidence = join(dir, 'evidence.json');
    await writeFile(
      evidence,
      JSON.stringify({
        attestations: [
          {
            item: 'mlps-level3-report',
            document: 'mlps-level3-2026.pdf',
            sha256: sha,
            attestedBy: 'Example Assessor Ltd.',
            attestedAt: '2026-11-01',
          },
        ],
      }),
    );
    const params = join(dir, 'params.yaml');
    await writeFile(params, '# a certification run samples more blocks\nledgerSampleBlocks: 48\n');
    const out = join(dir, 'out');
    const table = `files-${Date.now()}`;
    const outcome = await chaineval(
      [
        'evaluate',
        '--profile',
        'jrt-0193-2020',
        '--skip',
        'property,load',
        '--evidence',
        evidence,
        '--params',
        params,
        '--out',
        out,
        '--dynamodb-endpoint',
        inject('dynamoEndpoint'),
        '--table',
        table,
      ],
      dir,
    );
    expect(outcome.code, outcome.stderr).toBe(0);
    const [runId] = await readdir(out);
    const report = ReportSchema.parse(
      JSON.parse(await readFile(join(out, runId ?? '', 'report.json'), 'utf8')),
    );

    // 0184-6.1 rests on the level-3 report alone: attested, never conform.
    const hardware = report.clauses.find((c) => c.clauseId === '0184-6.1');
    expect(hardware?.verdict).toBe('attested');
    expect(hardware?.evidence).toEqual([
      {
        itemId: 'mlps-level3-report',
        status: 'attested',
        document: 'mlps-level3-2026.pdf',
        sha256: sha,
        attestedBy: 'Example Assessor Ltd.',
        attestedAt: '2026-11-01',
      },
    ]);
    // A clause with a machine verdict keeps it; its missing documents are listed beside it.
    const missing = report.clauses.filter((c) => c.evidence?.some((e) => e.status === 'missing'));
    expect(missing.length).toBeGreaterThan(0);
    expect(report.score.attestedWeight).toBeGreaterThan(0);

    expect(report.parameters.ledgerSampleBlocks).toBe(48);
    expect(report.overriddenParameters).toEqual(['ledgerSampleBlocks']);
    const html = await readFile(join(out, runId ?? '', 'report.html'), 'utf8');
    expect(html).toContain('ledgerSampleBlocks (set for this run)');
    expect(html).toContain('已证明 attested</span> <code>mlps-level3-report</code>: mlps-level3-2026.pdf');
  }, 300_000);
});
