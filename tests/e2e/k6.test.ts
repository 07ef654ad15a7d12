import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPublicClient,
  type Hex,
  http,
  keccak256,
  parseTransaction,
  recoverTransactionAddress,
} from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '#cli/CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type K6CorpusItem, K6ExportManifestSchema } from '#load/k6/K6ExportManifestSchema.ts';
import { k6ExportFiles } from '#load/k6/renderK6Script.ts';
import { typecheckK6Script } from '#load/k6/typecheckK6Script.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';
import { playK6Corpus } from '../support/playK6Corpus.ts';

let anvil: RunningAnvil;
let dir: string;
let keyFile: string;
let testStore: TestStore;
const proxies: RunningFaultProxy[] = [];

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

/** `chaineval export k6` into a fresh folder; returns the folder. */
async function exportK6(name: string, extra: string[] = []): Promise<string> {
  const out = join(dir, name);
  const result = await run([
    'export',
    'k6',
    '--target',
    anvil.url,
    '--private-key-file',
    keyFile,
    '--out',
    out,
    ...extra,
  ]);
  expect(result.errors).toEqual([]);
  expect(result.code).toBe(0);
  return out;
}

/** Plays the export like k6 would (tests/support/playK6Corpus.ts) against `url`, then imports the summary. */
async function playAndImport(exportDir: string, url: string, importFlags: string[] = []) {
  const summary = join(exportDir, k6ExportFiles.summary);
  await writeFile(summary, JSON.stringify(await playK6Corpus(exportDir, url)));
  const imported = await run([
    'import',
    'k6-summary',
    summary,
    '--dynamodb-endpoint',
    inject('dynamoEndpoint'),
    '--table',
    testStore.tableName,
    ...importFlags,
  ]);
  expect(imported.errors).toEqual([]);
  expect(imported.code).toBe(0);
  const manifest = K6ExportManifestSchema.parse(
    JSON.parse(await readFile(join(exportDir, k6ExportFiles.manifest), 'utf8')),
  );
  const stored = await testStore.store.getRun(manifest.runId);
  const byId = new Map(stored?.results.map((r) => [r.checkId, r]));
  return {
    out: imported.out,
    throughput: byId.get('perf-transaction-throughput'),
    latency: byId.get('perf-transaction-latency'),
    report: await testStore.store.getReport(manifest.runId),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chaineval-k6-e2e-'));
  keyFile = join(dir, 'funded.key');
  await writeFile(keyFile, `${anvilDevPrivateKey}\n`);
  anvil = await startAnvil();
  testStore = await openTestStore(inject('dynamoEndpoint'), 'k6');
});

afterAll(async () => {
  for (const p of proxies) await p.close().catch(() => {});
  await anvil?.stop();
  await testStore?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('chaineval export k6 / import k6-summary on anvil', () => {
  it('writes a corpus signed by the declared, funded senders with the scenario nonces and schedule, and a script that type-checks', async () => {
    const out = await exportK6('corpus', ['--rate', '20', '--duration', '2', '--shards', '2']);
    const manifest = K6ExportManifestSchema.parse(
      JSON.parse(await readFile(join(out, k6ExportFiles.manifest), 'utf8')),
    );
    const corpus: K6CorpusItem[] = JSON.parse(await readFile(join(out, k6ExportFiles.corpus), 'utf8'));
    if (manifest.scenario !== 'transfer') throw new Error('a transfer export was asked for');
    expect(manifest.transactions).toBe(40);
    expect(corpus.map((c) => c.i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(corpus.map((c) => c.t)).toEqual(Array.from({ length: 40 }, (_, i) => i * 50));

    const declared = new Map(manifest.senders.map((s) => [s.address.toLowerCase(), s]));
    const nextNonce = new Map(manifest.senders.map((s) => [s.address.toLowerCase(), s.firstNonce]));
    for (const item of corpus) {
      const tx = parseTransaction(item.raw as Hex);
      const from = (
        await recoverTransactionAddress({ serializedTransaction: item.raw as never })
      ).toLowerCase();
      expect(from).toBe(item.from.toLowerCase());
      const sender = declared.get(from);
      expect(sender, `sender ${from} of item ${item.i} is declared`).toBeDefined();
      // Shard i owns send i mod shardCount (scenarios/constantArrivalRate.ts), with its own senders.
      expect(sender?.shardIndex).toBe(item.i % 2);
      expect(tx.chainId).toBe(31337);
      expect(tx.nonce).toBe(item.nonce);
      expect(item.nonce).toBe(nextNonce.get(from));
      nextNonce.set(from, item.nonce + 1);
      expect(keccak256(item.raw as Hex)).toBe(item.hash);
    }
    for (const s of manifest.senders)
      expect(nextNonce.get(s.address.toLowerCase())).toBe(s.firstNonce + s.transactions);

    const client = createPublicClient({ transport: http(anvil.url) });
    for (const s of manifest.senders)
      expect(await client.getBalance({ address: s.address as Hex })).toBeGreaterThan(0n);
    expect(typecheckK6Script(join(out, k6ExportFiles.script))).toEqual([]);
  });

  it('refuses to overwrite an export, and bad input, in one line', async () => {
    const out = await exportK6('twice', ['--rate', '10', '--duration', '2']);
    for (const [argv, message] of [
      [
        ['export', 'k6', '--target', anvil.url, '--private-key-file', keyFile, '--out', out],
        /already holds an export/,
      ],
      [['export', 'k6', '--private-key-file', keyFile, '--out', out], /^export k6 needs --target/],
      [['export', 'k6', '--target', anvil.url, '--out', out], /^export k6 needs --private-key-file/],
      [['export', 'k6', '--target', anvil.url, '--private-key-file', keyFile], /^export k6 needs --out/],
      [['export', 'csv'], /^export writes k6 scripts only/],
      [
        ['export', 'k6', '--scenario', 'reads', '--target', anvil.url],
        /^--scenario must be "transfer" \(PERF-01\/02\) or "query"/,
      ],
      [
        ['export', 'k6', '--rate', '-5', '--target', anvil.url],
        /^--rate must be a positive number \(got "-5"\)/,
      ],
      [
        [
          'export',
          'k6',
          '--target',
          anvil.url,
          '--private-key-file',
          keyFile,
          '--out',
          join(dir, 'frac'),
          '--rate',
          '0.0001',
        ],
        /k6 needs a whole number of transactions per 1, 10, 100 or 1,000 s/,
      ],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(message);
    }
  });

  it('imports a clean run as inconclusive (never a false fail), with every transaction on chain', async () => {
    const out = await exportK6('clean', ['--rate', '20', '--duration', '2']);
    const { throughput, latency, report, out: lines } = await playAndImport(out, anvil.url);
    expect(throughput?.status).toBe('error');
    expect(throughput?.summary).toMatch(
      /^inconclusive: [\d.]+ tx\/s accepted at 20 tx\/s offered, 40\/40 accepted/,
    );
    expect(latency?.status).toBe('error');
    expect(latency?.summary).toMatch(/acknowledgement p95 [\d.]+ ms ≤ 5000 ms/);
    expect(report?.run.status).toBe('complete');
    expect(report?.results.filter((r) => r.status === 'skip').length).toBeGreaterThan(10);
    expect(lines.at(-1)).toMatch(/^overall: /);
    // The corpus was valid: anvil (automine) committed every transaction k6 would have sent.
    const client = createPublicClient({ transport: http(anvil.url) });
    const corpus: K6CorpusItem[] = JSON.parse(await readFile(join(out, k6ExportFiles.corpus), 'utf8'));
    for (const item of corpus) {
      const receipt = await client.waitForTransactionReceipt({ hash: item.hash as Hex, timeout: 10_000 });
      expect(receipt.status).toBe('success');
    }
  });

  it('fails PERF-01 under drop-transactions when chaineval reads the receipts back (--target)', async () => {
    const out = await exportK6('dropped', ['--rate', '20', '--duration', '2']);
    const proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['drop-transactions'] });
    proxies.push(proxy);
    // k6 alone cannot tell: every send is acknowledged with its hash.
    const blind = await playAndImport(out, proxy.url);
    expect(blind.throughput?.status).toBe('error');
    expect(blind.throughput?.summary).toMatch(/40\/40 accepted/);
    // The receipts say otherwise: every 10th was never forwarded (and its sender's later nonces wait behind it).
    const summary = join(out, k6ExportFiles.summary);
    const imported = await run([
      'import',
      'k6-summary',
      summary,
      '--dynamodb-endpoint',
      inject('dynamoEndpoint'),
      '--table',
      testStore.tableName,
      '--target',
      anvil.url,
      '--corpus',
      join(out, k6ExportFiles.corpus),
    ]);
    expect(imported.errors).toEqual([]);
    expect(imported.out[1]).toMatch(
      /PERF-01 perf-transaction-throughput: fail — only \d+ of 40 sent transactions were committed even by the time of import/,
    );
  });

  it('reads receipts back on a clean run without a false fail, and refuses another chain or corpus', async () => {
    const out = await exportK6('readback', ['--rate', '20', '--duration', '2']);
    const { throughput } = await playAndImport(out, anvil.url, [
      '--target',
      anvil.url,
      '--corpus',
      join(out, k6ExportFiles.corpus),
    ]);
    expect(throughput?.status).toBe('error');
    // Read right after the last send, the newest may not be mined yet: still no fail (≥ 95% committed).
    expect(throughput?.summary).toMatch(/40\/40 accepted, (39|40) committed by the time of import/);
    const summary = join(out, k6ExportFiles.summary);
    const edited = join(out, 'edited-corpus.json');
    await writeFile(edited, `${await readFile(join(out, k6ExportFiles.corpus), 'utf8')} `);
    const other = await startAnvil();
    try {
      for (const [flags, message] of [
        [
          ['--target', other.url, '--corpus', join(out, k6ExportFiles.corpus)],
          /but export .* loaded chain 31337 \(genesis/,
        ],
        [['--target', anvil.url, '--corpus', edited], /is not the corpus of export/],
        [['--target', anvil.url], /add --corpus <export dir>\/corpus\.json/],
      ] as const) {
        const r = await run(['import', 'k6-summary', summary, '--store', 'memory', ...flags]);
        expect(r.code).toBe(1);
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0]).toMatch(message);
      }
    } finally {
      await other.stop();
    }
  });

  it('exports the contract-write workload: every Probe.set of the corpus succeeds on chain', async () => {
    const out = await exportK6('contract', [
      '--rate',
      '10',
      '--duration',
      '2',
      '--param',
      'loadWorkload="contract-write"',
    ]);
    const corpus: K6CorpusItem[] = JSON.parse(await readFile(join(out, k6ExportFiles.corpus), 'utf8'));
    expect(corpus).toHaveLength(20);
    // The first sender deployed the Probe contract at nonce 0 before its share of the corpus was signed.
    const first = corpus[0]!;
    expect(first.nonce).toBe(1);
    expect(parseTransaction(first.raw as Hex).data).toMatch(/^0x[0-9a-f]{8}/);
    const { throughput } = await playAndImport(out, anvil.url, [
      '--target',
      anvil.url,
      '--corpus',
      join(out, k6ExportFiles.corpus),
    ]);
    expect(throughput?.summary).toMatch(/20\/20 accepted, (19|20) committed by the time of import/);
  });

  it('exports the read workload (PERF-03): passes on anvil, fails under wrong-read-results', async () => {
    const out = await exportK6('query', ['--scenario', 'query', '--rate', '20', '--duration', '2']);
    const manifest = K6ExportManifestSchema.parse(
      JSON.parse(await readFile(join(out, k6ExportFiles.manifest), 'utf8')),
    );
    if (manifest.scenario !== 'query') throw new Error('a query export was asked for');
    expect(manifest.transactions).toBe(40);
    expect(manifest.thresholds.queryLatencyP95MaxMs).toBeGreaterThan(0);
    expect(typecheckK6Script(join(out, k6ExportFiles.script))).toEqual([]);
    const clean = await playAndImport(out, anvil.url);
    const perf03 = (report: typeof clean.report) =>
      report?.results.find((r) => r.checkId === 'perf-query-throughput');
    expect(perf03(clean.report)?.status).toBe('pass');
    expect(perf03(clean.report)?.summary).toMatch(/40\/40 correct \(k6 summary\)$/);
    expect(clean.out[1]).toMatch(/^ {2}PERF-03 perf-query-throughput: pass — /);

    const proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['wrong-read-results'] });
    proxies.push(proxy);
    const faulty = await playAndImport(out, proxy.url);
    expect(perf03(faulty.report)?.status).toBe('fail');
    expect(perf03(faulty.report)?.summary).toMatch(
      /90% of queries answered correctly < 95% \(4 refused or wrong\)/,
    );
  });

  it('fails PERF-01 under garbage-responses (every send rejected)', async () => {
    const out = await exportK6('garbage', ['--rate', '20', '--duration', '2']);
    const proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['garbage-responses'] });
    proxies.push(proxy);
    const { throughput } = await playAndImport(out, proxy.url);
    expect(throughput?.status).toBe('fail');
    expect(throughput?.summary).toMatch(/only 0% of sent transactions were accepted \(40 rejected\)/);
  });

  it('fails PERF-02 under slow-responses when every acknowledgement is over the bound', async () => {
    const out = await exportK6('slow', [
      '--rate',
      '20',
      '--duration',
      '2',
      '--param',
      'loadLatencyP95MaxMs=1000',
    ]);
    const proxy = await startFaultProxy({
      upstreamUrl: anvil.url,
      faults: ['slow-responses'],
      delayMs: 1_500,
    });
    proxies.push(proxy);
    const { throughput, latency } = await playAndImport(out, proxy.url);
    expect(latency?.status).toBe('fail');
    expect(latency?.summary).toMatch(/every accepted transaction was acknowledged later than 1000 ms/);
    expect(throughput?.status).toBe('error');
  });
});
