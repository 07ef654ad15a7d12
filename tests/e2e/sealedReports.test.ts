import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CliIo } from '#cli/CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { canonicalJson } from '#reports/seal/canonicalJson.ts';
import { SealStatementSchema } from '#reports/seal/SealStatementSchema.ts';
import { sha256Hex } from '#reports/seal/sha256Hex.ts';
import { asSealStore } from '#reports/store/asSealStore.ts';
import { SealExistsError } from '#reports/store/SealWriteError.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

/** Runs the CLI in-process with captured output. */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    progress: (line) => err.push(line),
    error: (line) => {
      errors.push(line);
      err.push(line);
    },
    color: false,
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), errors };
}

const statementOf = async (path: string) => {
  const envelope = JSON.parse(await readFile(path, 'utf8')) as { payload: string };
  return SealStatementSchema.parse(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')));
};

describe('sealed reports: evaluate seals, verify checks, the store keeps seals immutable and chained', () => {
  let dir: string;
  let anvil: RunningAnvil;
  let test: TestStore;
  let evaluate: (out: string) => Promise<Awaited<ReturnType<typeof cli>>>;
  let signingKey: string;
  let publicKey: string;
  let keyId: string;
  const runs: { id: string; dir: string }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-seal-'));
    anvil = await startAnvil();
    // The CLI makes its own table when given a new name; the helper only hands us a unique name and
    // a client for reading back, and deletes the table at the end.
    test = await openTestStore(inject('dynamoEndpoint'), 'sealed-e2e');
    const fundedKey = join(dir, 'funded.key');
    await writeFile(fundedKey, `${anvilDevPrivateKey}\n`);
    signingKey = join(dir, 'keys', 'seal.pem');
    publicKey = join(dir, 'seal.pub.pem');
    evaluate = (out) =>
      cli([
        'evaluate',
        '--profile',
        'quick',
        // Two runs share one anvil, which PROP-07's known crashers would stop (docs/adr/0009).
        '--param',
        'rpcFuzzKnownCrashers=false',
        '--target',
        anvil.url,
        '--private-key-file',
        fundedKey,
        '--dynamodb-endpoint',
        inject('dynamoEndpoint'),
        '--table',
        test.tableName,
        '--out',
        out,
        '--signing-key',
        signingKey,
        '--format',
        'junit,sarif',
        '--format',
        'markdown',
      ]);
  });
  afterAll(async () => {
    await anvil?.stop();
    await test?.close();
  });

  it('keys generate writes a 0600 private key and prints its public key and key id', async () => {
    const run = await cli(['keys', 'generate', '--out', signingKey, '--algorithm', 'p256']);
    expect(run.code, run.err).toBe(0);
    keyId = /^key id (sha256:[0-9a-f]{64}) \(p256\)$/m.exec(run.out)?.[1] ?? '';
    expect(keyId).not.toBe('');
    await writeFile(publicKey, run.out.slice(run.out.indexOf('-----BEGIN PUBLIC KEY-----')));
    const { stat } = await import('node:fs/promises');
    expect((await stat(signingKey)).mode & 0o777).toBe(0o600);
    const again = await cli(['keys', 'generate', '--out', signingKey]);
    expect(again.code).toBe(1);
    expect(again.errors).toEqual([expect.stringMatching(/exists; a signing key is never overwritten/)]);
  });

  it('evaluate writes report.dsse.json and the requested formats; verify exits 0 and names the key', async () => {
    const out = join(dir, 'out1');
    const run = await evaluate(out);
    expect(run.code, run.err).toBe(0);
    const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1] ?? '';
    runs.push({ id, dir: join(out, id) });
    expect(run.err).toMatch(
      /sealed .*report\.dsse\.json with key sha256:[0-9a-f]{64} \(ecdsa-p256-sha256\); first sealed report of this target/,
    );
    for (const file of ['report.junit.xml', 'report.sarif', 'report.md']) {
      expect((await readFile(join(out, id, file), 'utf8')).length).toBeGreaterThan(100);
    }
    const verify = await cli(['verify', join(out, id, 'report.dsse.json'), '--public-key', publicKey]);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`signed by key ${keyId} (ecdsa-p256-sha256, ${publicKey})`);
    expect(verify.out).toContain('chain: the first sealed report of this target');
    // Given the report instead of the envelope, verify finds the envelope beside it.
    expect((await cli(['verify', join(out, id, 'report.json'), '--public-key', publicKey])).code).toBe(0);
  });

  it('a changed byte of the report makes verify exit non-zero with one line saying what failed', async () => {
    const { dir: runDir } = runs[0]!;
    const reportPath = join(runDir, 'report.json');
    const original = await readFile(reportPath);
    const tampered = Buffer.from(original);
    const at = original.indexOf('"verdict"') + 2;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    await writeFile(reportPath, tampered);
    const verify = await cli(['verify', join(runDir, 'report.dsse.json'), '--public-key', publicKey]);
    await writeFile(reportPath, original);
    expect(verify.code).toBe(1);
    expect(verify.errors).toHaveLength(1);
    expect(verify.errors[0]).toMatch(/NOT VALID: digest mismatch/);
    // A key that did not sign it: one line, unknown key.
    const other = join(dir, 'other.pem');
    expect((await cli(['keys', 'generate', '--out', other])).code).toBe(0);
    const wrongKey = await cli(['verify', join(runDir, 'report.dsse.json'), '--public-key', other]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.errors).toEqual([expect.stringMatching(/NOT VALID: unknown key/)]);
  });

  it('a second report of the same target links the digest of the first', async () => {
    const out = join(dir, 'out2');
    const run = await evaluate(out);
    expect(run.code, run.err).toBe(0);
    const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1] ?? '';
    runs.push({ id, dir: join(out, id) });
    const first = runs[0]!;
    const firstDigest = sha256Hex(
      canonicalJson(JSON.parse(await readFile(join(first.dir, 'report.json'), 'utf8'))),
    );
    const statement = await statementOf(join(out, id, 'report.dsse.json'));
    expect(statement.predicate.previous).toEqual({ reportId: first.id, digest: { sha256: firstDigest } });
    const verify = await cli(['verify', join(out, id, 'report.dsse.json'), '--public-key', publicKey]);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`chain: follows report ${first.id} (sha256 ${firstDigest})`);
    const head = await asSealStore(test.store).latestSeal(statement.predicate.target.fingerprint);
    expect(head?.reportId).toBe(id);
  });

  it('DynamoDB Local refuses to overwrite a sealed report', async () => {
    const first = runs[0]!;
    const stored = await asSealStore(test.store).getSeal(first.id);
    expect(stored?.envelope).toBe(
      JSON.stringify(JSON.parse(await readFile(join(first.dir, 'report.dsse.json'), 'utf8'))),
    );
    await expect(
      asSealStore(test.store).putSeal({
        ...stored!,
        envelope: stored!.envelope.replace('"payload":"', '"payload":"AAAA'),
      }),
    ).rejects.toBeInstanceOf(SealExistsError);
    expect((await asSealStore(test.store).getSeal(first.id))?.envelope).toBe(stored?.envelope);
    // The seal item sits under the run: reading the run back is unaffected by it.
    expect((await test.store.getRun(first.id))?.meta.runId).toBe(first.id);
  });
});
