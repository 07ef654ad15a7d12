import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli as cli } from '../support/runCli.ts';

/** Runs the CLI in-process with captured output, as tests/e2e/cli.test.ts does. */

describe('chaineval compare over two real runs stored in DynamoDB Local', () => {
  const store = ['--dynamodb-endpoint', inject('dynamoEndpoint'), '--table', 'compare-e2e'];
  let dir: string;
  const ids: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-compare-'));
    // Two quick-profile runs of the embedded anvil, the second with one parameter set.
    for (const extra of [[], ['--param', 'ledgerSampleBlocks=8']]) {
      const run = await cli([
        'evaluate',
        '--profile',
        'quick',
        '--skip',
        'property',
        ...store,
        '--out',
        join(dir, 'out'),
        ...extra,
      ]);
      expect(run.code, run.errors.join('\n')).toBe(0);
      const id = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(run.out)?.[1];
      expect(id).toBeDefined();
      ids.push(id!);
    }
  }, 240_000);

  it('prints the side-by-side table and writes a page naming both reports and the differing parameter', async () => {
    const page = join(dir, 'comparison.html');
    const compared = await cli(['compare', ...ids, ...store, '--out', page]);
    expect(compared.code, compared.errors.join('\n')).toBe(0);
    expect(compared.out).toContain(`Comparison page: ${page}`);
    expect(compared.out).toMatch(
      /! The runs used different parameters.*ledgerSampleBlocks is 16 in A; 8 in B/,
    );
    expect(compared.out).toMatch(/^LED-01 ledger-parent-hash-links\s+PASS\s+PASS$/m);
    const html = await readFile(page, 'utf8');
    for (const id of ids) expect(html).toContain(id);
    const warnings = html.slice(html.indexOf('<section class="warnings">'), html.indexOf('<main>'));
    expect(warnings).toContain('ledgerSampleBlocks is 16 in A; 8 in B');
    // Same profile, harness and chain id; each embedded run starts its own anvil, whose genesis hash
    // follows its start second: two runs started within one second share it, and then nothing is said.
    const genesis = await Promise.all(
      ids.map(
        async (id) =>
          JSON.parse(await readFile(join(dir, 'out', id, 'report.json'), 'utf8')).target.genesisHash,
      ),
    );
    if (genesis[0] === genesis[1]) expect(warnings).not.toContain('separate instances');
    else expect(warnings).toContain('separate instances of chain 31337');
    expect(warnings).not.toMatch(/different chains|different profiles|chaineval versions/);
  });

  it('writes to reports/out/compare-<hash>.html by default', async () => {
    const compared = await cli(['compare', ...ids, ...store]);
    expect(compared.code, compared.errors.join('\n')).toBe(0);
    const path = /Comparison page: (reports\/out\/compare-[0-9a-f]{12}\.html)$/m.exec(compared.out)?.[1];
    expect(path).toBeDefined();
    expect(await readFile(path!, 'utf8')).toContain(ids[0]!);
    await rm(path!);
  });

  it('refuses bad input with one line and exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [['compare', ids[0]!, ...store], /compare needs 2–8 report ids \(got 1\)/],
      [
        ['compare', ...Array.from({ length: 9 }, (_, i) => `20261124T10150${i}Z-1a2b3c4d`), ...store],
        /compare needs 2–8 report ids \(got 9\)/,
      ],
      [['compare', ids[0]!, 'latest', ...store], /"latest" is not a report id/],
      [['compare', ids[0]!, ids[0]!, ...store], /given twice/],
      [
        ['compare', ids[0]!, '20000101T000000Z-00000000', ...store],
        /no report "20000101T000000Z-00000000" in table compare-e2e/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(message);
    }
  });
});
