import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { k6ExportFiles, renderK6Script } from './renderK6Script.ts';
import { sampleK6Manifest } from './sampleK6Manifest.ts';
import { sampleK6QueryManifest } from './sampleK6QueryManifest.ts';
import { typecheckK6Script } from './typecheckK6Script.ts';

const dir = mkdtempSync(join(tmpdir(), 'chaineval-k6-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, script: string): string {
  const path = join(dir, name);
  writeFileSync(path, script);
  return path;
}

describe('renderK6Script', () => {
  it('type-checks against @types/k6 with zero diagnostics', () => {
    const path = write(k6ExportFiles.script, renderK6Script(sampleK6Manifest()));
    expect(typecheckK6Script(path)).toEqual([]);
  }, 60_000);

  it('type-checks for a fractional rate (k6 timeUnit of 10 s)', () => {
    const manifest = sampleK6Manifest({
      shape: { executor: 'constant-arrival-rate', rateTps: 2.5, durationS: 8 },
    });
    const script = renderK6Script(manifest);
    expect(script).toContain("rate: 25,\n      timeUnit: '10s'");
    expect(typecheckK6Script(write('fractional.js', script))).toEqual([]);
  }, 60_000);

  it('type-checks for the read workload (PERF-03)', () => {
    const script = renderK6Script(sampleK6QueryManifest());
    expect(script).toContain("chaineval_ack_latency: ['p(95)<=1000']");
    expect(script).toContain('(queryLatencyP95MaxMs)');
    expect(typecheckK6Script(write('query.js', script))).toEqual([]);
  }, 60_000);

  it('fails the type check when the script misuses k6 (the check can fail)', () => {
    const broken = renderK6Script(sampleK6Manifest())
      .replace("executor: 'constant-arrival-rate'", "executor: 'constant-arival-rate'")
      .replace('export default function () {', 'export default function () {\n  if (process.env.X) return;');
    const diagnostics = typecheckK6Script(write('broken.js', broken));
    expect(diagnostics.join('\n')).toMatch(/constant-arival-rate/);
    expect(diagnostics.join('\n')).toMatch(/Cannot find name 'process'/);
  }, 60_000);

  it('states the profile thresholds the judge uses', () => {
    const script = renderK6Script(
      sampleK6Manifest({
        thresholds: { loadLatencyP95MaxMs: 1_500, loadSuccessRateMin: 0.75, loadMinTransactions: 20 },
      }),
    );
    expect(script).toContain("chaineval_accept_rate: ['rate>=0.75']");
    expect(script).toContain("chaineval_ack_latency: ['p(95)<=1500']");
  });
});
