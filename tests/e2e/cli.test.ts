import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '#cli/CliIo.ts';
import { cliMaxConcurrentShards } from '#cli/commands/evaluate.ts';
import { createLocalDynamoClient } from '#cli/embedded/createLocalDynamoClient.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { createDynamoReportStore } from '#reports/store/createDynamoReportStore.ts';

/** Runs the CLI in-process with captured output; `onProgress` lets a test act at a given moment. */
async function cli(argv: string[], onProgress: (line: string) => void = () => {}) {
  const out: string[] = [];
  const err: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    progress: (line) => {
      err.push(line);
      onProgress(line);
    },
    error: (line) => {
      errors.push(line);
      err.push(line);
    },
    color: false,
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), errors };
}

describe('chaineval CLI against real chains and DynamoDB Local', () => {
  const endpoint = inject('dynamoEndpoint');
  const table = 'cli-e2e';
  const store = ['--dynamodb-endpoint', endpoint, '--table', table];
  let dir: string;
  let keyFile: string;
  let web: Server;
  let webUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-cli-'));
    keyFile = join(dir, 'funded.key');
    await writeFile(keyFile, `${anvilDevPrivateKey}\n`);
    web = createServer((_req, res) => res.end('<html>not a chain</html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => web.close(r));
  });

  it('evaluates the embedded chain, stores the report and lists it', async () => {
    const out = join(dir, 'out');
    const run = await cli(['evaluate', ...store, '--out', out, '--duration', '2', '--rate', '20']);
    expect(run.code, run.err).toBe(0);
    const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1];
    expect(id).toBeDefined();
    // The summary names every clause and check, and the honest overall verdict of a dev chain.
    for (const catalogueId of [
      'LED-01',
      'LED-02',
      'LED-03',
      'TX-02',
      'TX-03',
      'TX-04',
      'TX-05',
      'SC-01',
      'API-01',
      'API-02',
      'NET-05',
      'CR-01',
      'PROP-01',
      'PERF-01',
      'PERF-02',
    ]) {
      expect(run.out).toContain(catalogueId);
    }
    expect(run.out).toMatch(/Overall\s+不符合 nonconform/);
    const report = ReportSchema.parse(JSON.parse(await readFile(join(out, id!, 'report.json'), 'utf8')));
    // Issue 7's acceptance: at least 45 automated checks, each with a verdict (or a skip naming the
    // capability a dev node lacks), none undecided on a healthy chain.
    const conformanceChecks = report.checks.filter((c) => c.kind === 'conformance');
    expect(conformanceChecks.length).toBeGreaterThanOrEqual(45);
    const conformanceResults = report.results.filter((r) => r.kind === 'conformance');
    expect(conformanceResults).toHaveLength(conformanceChecks.length);
    expect(
      conformanceResults.filter((r) => r.status === 'error').map((r) => `${r.checkId}: ${r.summary}`),
    ).toEqual([]);
    expect(report.run.status).toBe('complete');
    expect(report.profile.id).toBe('jrt-0193-2020');
    expect(report.parameters).toMatchObject({ loadRateTps: 20, loadDurationS: 2 });
    expect(report.overriddenParameters).toEqual(expect.arrayContaining(['loadRateTps', 'loadDurationS']));
    expect(await readFile(join(out, id!, 'report.html'), 'utf8')).toContain(id!);
    // The key never reaches the report.
    expect(JSON.stringify(report)).not.toContain(anvilDevPrivateKey.slice(2));

    const list = await cli(['reports', 'list', ...store]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(id!);
    const show = await cli(['reports', 'show', id!, ...store]);
    expect(show.out).toContain('CR-01');
  });

  it('evaluates the quick profile: no load step, no performance checks', async () => {
    const out = join(dir, 'out-quick');
    const run = await cli(['evaluate', '--profile', 'quick', ...store, '--out', out]);
    expect(run.code, run.err).toBe(0);
    const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1];
    expect(id).toBeDefined();
    const report = ReportSchema.parse(JSON.parse(await readFile(join(out, id!, 'report.json'), 'utf8')));
    expect(report.profile.id).toBe('quick');
    expect(report.run.status).toBe('complete');
    expect(report.run.plannedSteps).toEqual(['prepare', 'conformance', 'property', 'disruptive', 'finalize']);
    expect(report.checks.filter((c) => c.kind === 'load')).toEqual([]);
    expect(report.results.filter((r) => r.kind === 'load' || r.checkId.startsWith('perf-'))).toEqual([]);
    expect(report.results.map((r) => r.checkId)).toContain('property-transfer-model');
    expect(run.out).toContain('PROP-01');
    expect(run.out).not.toContain('PERF-0');
  });

  it('marks the run incomplete and keeps what it obtained when the chain dies mid-run', async () => {
    const anvil: RunningAnvil = await startAnvil();
    // Stopped here too: a failing assertion must not leave the chain running (stop is idempotent).
    try {
      let killed = false;
      const run = await cli(
        [
          'evaluate',
          '--target',
          anvil.url,
          '--private-key-file',
          keyFile,
          ...store,
          '--out',
          join(dir, 'out2'),
        ],
        (line) => {
          if (!killed && /\[conformance 4\/\d+\]/.test(line) && line.endsWith('…')) {
            killed = true;
            void anvil.stop();
          }
        },
      );
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/run incomplete: target .* stopped answering/);
      const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1];
      const client = createLocalDynamoClient(endpoint);
      const stored = await createDynamoReportStore({ client, tableName: table }).getReport(id!);
      client.destroy();
      expect(stored?.run.status).toBe('incomplete');
      expect(stored?.run.incompleteReason).toMatch(/stopped answering/);
      expect(stored?.overall.verdict).toBe('incomplete');
      // The first three checks finished before the chain died and are in the stored report.
      expect(stored?.results.filter((r) => r.status === 'pass').map((r) => r.checkId)).toEqual(
        expect.arrayContaining([
          'tx-raw-replay-rejected',
          'tx-wrong-chain-id-rejected',
          'tx-tampered-rejected',
        ]),
      );
    } finally {
      await anvil.stop();
    }
  });

  it.each([
    [
      ['evaluate', '--target', 'http://127.0.0.1:1', '--private-key-file', 'KEY'],
      /nothing answered at http:\/\/127\.0\.0\.1:1/,
    ],
    [
      ['evaluate', '--target', 'WEB', '--private-key-file', 'KEY'],
      /is not a JSON-RPC endpoint: it answered HTTP 200 with a body that is not JSON/,
    ],
    [['evaluate', '--frobnicate'], /evaluate: Unknown option '--frobnicate'.*chaineval evaluate --help/],
    [['evaluate', '--target', 'http://127.0.0.1:1'], /--target needs --private-key-file/],
    [
      ['evaluate', '--target', 'http://127.0.0.1:1', '--private-key-file', '/nonexistent/key'],
      /cannot read private key file "\/nonexistent\/key" \(no such file\)/,
    ],
    [
      ['evaluate', '--target', 'http://127.0.0.1:1', '--private-key-file', 'BADKEY'],
      /does not hold a 32-byte hex key/,
    ],
    [
      ['evaluate', '--param', 'ledgerSampleBlok=3'],
      /unknown parameter "ledgerSampleBlok" for profile jrt-0193-2020; known parameters: .*\bledgerSampleBlocks\b/,
    ],
    // Parameters are checked against the selected profile: quick runs no load, so reads no load rate.
    [
      ['evaluate', '--profile', 'quick', '--param', 'loadRateTps=5'],
      /unknown parameter "loadRateTps" for profile quick; known parameters: /,
    ],
    [['evaluate', '--param', 'loadRateTps=-5'], /parameter loadRateTps: .*\(got -5\)/],
    [['evaluate', '--rate', '0'], /--rate must be a positive number \(got "0"\)/],
    [
      ['evaluate', '--rate', '20', '--param', 'loadRateTps=30'],
      /--rate and --param loadRateTps set the same parameter; give only one/,
    ],
    [
      ['evaluate', '--profile', 'jrt-0193-2021'],
      /unknown profile "jrt-0193-2021"; known profiles: jrt-0193-2020, quick/,
    ],
    [['evaluate', '--shards', '0'], /--shards must be a positive integer \(got "0"\)/],
    [
      ['evaluate', '--shards', String(cliMaxConcurrentShards + 1)],
      new RegExp(
        `${cliMaxConcurrentShards + 1} load shards cannot all run at once here \\(at most ${cliMaxConcurrentShards}\\)`,
      ),
    ],
    [['reports', 'show', 'nope'], /reports show needs a run id like/],
  ])('rejects bad input with one clear line: %j', async (argv, message) => {
    const badKey = join(dir, 'bad.key');
    await writeFile(badKey, 'not a key');
    const args = argv.map((a) =>
      a === 'KEY' ? keyFile : a === 'BADKEY' ? badKey : a === 'WEB' ? webUrl : a,
    );
    const run = await cli([...args, ...store]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    // One line, and the key never appears in it.
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).not.toContain('\n');
    expect(run.err).not.toContain(anvilDevPrivateKey.slice(2));
    // Refused while planning or connecting: no embedded chain was started for a bad request.
    expect(run.err).not.toMatch(/starting embedded/);
  });

  it('says so in one line when the chain port is taken', async () => {
    const busy = await startAnvil();
    try {
      const run = await cli(['evaluate', '--chain-port', String(busy.port), ...store]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(new RegExp(`port ${busy.port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      await busy.stop();
    }
  });
});
