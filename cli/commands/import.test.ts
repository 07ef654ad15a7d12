import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import { registry } from '#registry/index.ts';
import type { CliIo } from '../CliIo.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'chaineval-k6-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixtures = join(import.meta.dirname, '..', '..', 'load-tests', 'k6', 'fixtures');
const digest = resolveProfile(findProfile(registry, 'jrt-0193-2020'), registry).digest;

/** The realistic handleSummary fixture, its manifest naming this harness's profile digest. */
/** The fixture as plain JSON, to be edited by a test. */
interface SummaryJson {
  chaineval: { profile: { digest: string } };
  metrics: Record<string, { values: Record<string, unknown> }>;
}

function summaryFile(name: string, edit: (json: SummaryJson) => void = () => {}): string {
  const json: SummaryJson = JSON.parse(readFileSync(join(fixtures, 'handle-summary.json'), 'utf8'));
  json.chaineval.profile.digest = digest;
  edit(json);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

async function run(argv: string[]): Promise<{ code: number; out: string[]; errors: string[] }> {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    progress: () => {},
    error: (l) => errors.push(l),
    color: false,
  };
  return { code: await main(argv, io), out, errors };
}

describe('chaineval import k6-summary (memory store)', () => {
  it('turns the summary into the run the export reserved, PERF-01/02 inconclusive with what k6 measured', async () => {
    const { code, out, errors } = await run([
      'import',
      'k6-summary',
      summaryFile('ok.json'),
      '--store',
      'memory',
    ]);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toBe('run 20261130T150000Z-0a1b2c3d: k6 summary imported (memory store: nothing stored)');
    expect(out[1]).toMatch(/^ {2}PERF-01 perf-transaction-throughput: inconclusive — 99\.8 tx\/s accepted/);
    expect(out[2]).toMatch(
      /^ {2}PERF-02 perf-transaction-latency: inconclusive — .*acknowledgement p95 8 ms/,
    );
    expect(out.at(-1)).toMatch(/^overall: /);
    expect(out.join('\n')).not.toMatch(/: (conform|pass)\b/);
  });

  it('fails PERF-01 from a summary-export file with --manifest', async () => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({ ...JSON.parse(readFileSync(summaryFile('m.json'), 'utf8')).chaineval }),
    );
    const { code, out } = await run([
      'import',
      'k6-summary',
      join(fixtures, 'summary-export.json'),
      '--manifest',
      manifest,
      '--store',
      'memory',
    ]);
    expect(code).toBe(0);
    expect(out[1]).toMatch(
      /PERF-01 perf-transaction-throughput: fail — only 60% of sent transactions were accepted/,
    );
    expect(out[2]).toMatch(/PERF-02 perf-transaction-latency: fail — every accepted transaction/);
    expect(out.at(-1)).toMatch(/^overall: \w+/);
    expect(out.join('\n')).toMatch(/^ {2}clause .*: nonconform$/m);
  });

  it.each([
    [['import'], /^import takes "k6-summary <file> \[<file> …\]"/],
    [
      ['import', 'k6-summary', '/nonexistent/s.json', '--store', 'memory'],
      /^cannot read the k6 summary \/nonexistent\/s\.json \(ENOENT\)/,
    ],
    [['import', 'k6-summary', 'x.json', '--store', 'cloud'], /^--store must be "embedded" or "memory"/],
    [['import', 'k6-summary', 'x.json', '--run', 'latest'], /^--run "latest" is not a run id/],
    [
      ['import', 'k6-summary', join(fixtures, 'summary-export.json'), '--store', 'memory'],
      /does not carry the export's manifest.*--manifest/,
    ],
  ])('bad input %j → one line, exit 1', async (argv, message) => {
    const { code, errors } = await run(argv);
    expect(code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('refuses a file that is not JSON, or JSON that is not a k6 summary, in one line', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, 'checks.........: 100.00% ✓ 10 ✗ 0\n');
    const a = await run(['import', 'k6-summary', notJson, '--store', 'memory']);
    expect([a.code, a.errors.length]).toEqual([1, 1]);
    expect(a.errors[0]).toMatch(/not\.json is not JSON/);
    const wrong = summaryFile('wrong.json', (json) => {
      json.metrics.chaineval_accepted!.values = { count: 'lots' };
    });
    const b = await run(['import', 'k6-summary', wrong, '--store', 'memory']);
    expect([b.code, b.errors.length]).toEqual([1, 1]);
    expect(b.errors[0]).toMatch(
      /wrong\.json is not a k6 summary \(metrics\.chaineval_accepted\.values\.count/,
    );
    const otherProfile = summaryFile('digest.json', (json) => {
      json.chaineval.profile.digest = 'sha256:old';
    });
    const c = await run(['import', 'k6-summary', otherProfile, '--store', 'memory']);
    expect(c.errors[0]).toMatch(/profile jrt-0193-2020 changed since the k6 export/);
  });
});
