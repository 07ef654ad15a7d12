import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';

const bin = join(import.meta.dirname, '..', '..', 'cli', 'bin', 'chaineval.js');
const checkId = 'property-contract-storage-model';

/** The CLI as a user runs it (`npx chaineval …` runs this bin): a child process, its output and exit code. */
function chaineval(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...argv],
      { timeout: 90_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

/**
 * Issue 8's acceptance, end to end through the CLI: an evaluation through the fault proxy with
 * `logs-dropped` (eth_getLogs omits the last block of a range) records PROP-02's shrunk counterexample
 * in the report and on its page; `chaineval replay <reportId> <checkId>` reruns it on the same target
 * and prints the same failing step; with the fault switched off the same commands hold.
 * Conformance runs too (no flag leaves it out); the small property budget keeps the file fast.
 */
describe('chaineval evaluate through a fault, then chaineval replay of its counterexample', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  const dir = mkdtempSync(join(tmpdir(), 'chaineval-replay-cli-'));
  const out = join(dir, 'out');
  const keyFile = join(dir, 'funded.key');
  const store = ['--dynamodb-endpoint', inject('dynamoEndpoint'), '--table', 'property-replay-cli-e2e'];

  beforeAll(async () => {
    writeFileSync(keyFile, `${anvilDevPrivateKey}\n`);
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['logs-dropped'] });
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the shrunk counterexample, replays it to the same failing step, and passes once the fault is gone', async () => {
    const run = await chaineval([
      'evaluate',
      ...store,
      '--profile',
      'quick',
      '--target',
      proxy.url,
      '--private-key-file',
      keyFile,
      '--out',
      out,
      '--skip',
      'load',
      '--param',
      'propertySeed=20261130',
      '--param',
      'propertyNumRuns=2',
      '--param',
      'propertyMaxCommands=4',
      // Replay needs the chain afterwards; PROP-07's known crashers would stop it (docs/adr/0009).
      '--param',
      'rpcFuzzKnownCrashers=false',
    ]);
    const reportId = /report (\d{8}T\d{6}Z-[0-9a-f]{8})/.exec(`${run.out}\n${run.err}`)?.[1];
    expect(reportId, `${run.code}\n${run.err}`).toBeDefined();
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(join(out, `${reportId}`, 'report.json'), 'utf8')),
    );
    const recorded = report.results.find((r) => r.checkId === checkId);
    expect(recorded?.status, recorded?.summary).toBe('fail');
    const property = recorded?.property;
    const commands = property?.commands ?? [];
    const failingStep = property?.failingStep ?? -1;
    expect(commands.length).toBeGreaterThan(0);
    expect(failingStep).toBe(commands.length - 1);
    expect(property?.failure).toMatch(/eth_getLogs/);
    const failingCommand = property?.counterexample?.[failingStep] ?? '';
    expect(failingCommand).not.toBe('');

    // The page shows it: the failing step marked with its failure, and the line that replays it.
    const page = readFileSync(join(out, `${reportId}`, 'report.html'), 'utf8');
    const section = page.slice(page.indexOf(`id="check-${checkId}"`));
    expect(section).toContain(`<pre>npx chaineval replay ${reportId} ${checkId}</pre>`);
    expect(section).toMatch(
      /<li class="failing"><mark>[^<]+<\/mark> <span class="s-fail">✗ [^<]*eth_getLogs/,
    );

    const replayArgv = [
      'replay',
      `${reportId}`,
      checkId,
      '--target',
      proxy.url,
      '--private-key-file',
      keyFile,
      '--out',
      out,
    ];
    const again = await chaineval(replayArgv);
    // Exit 0: the recorded failure reproduced (replay's documented contract; 3 means it did not).
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`✗ ${failingStep + 1}. ${failingCommand}`);
    expect(again.out).toMatch(new RegExp(`reproduced: step ${failingStep + 1} failed: .*eth_getLogs`));

    proxy.setFaults([]);
    const clean = await chaineval(replayArgv);
    expect(clean.code, clean.err).toBe(3);
    expect(clean.out).toContain('not reproduced (pass)');
  });
});
