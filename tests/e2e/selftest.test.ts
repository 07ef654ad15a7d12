import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { findProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { FaultNameSchema } from '#fault-proxy/faultCatalogue.ts';
import type { SelftestResult } from '#fault-proxy/selftest/runSelftest.ts';
import { runSelftest } from '#fault-proxy/selftest/runSelftest.ts';
import { registry } from '#registry/index.ts';

const cliBin = fileURLToPath(new URL('../../cli/bin/chaineval.js', import.meta.url));
const run = promisify(execFile);

/**
 * Issue 7: `chaineval selftest` proves the harness catches defects — every fault of the proxy makes
 * the checks built for it fail, and the clean chain gives no false failure. The first test runs the
 * real command as a user would (a real process, its own embedded anvil); the others feed the selftest
 * a registry that lies, to show it exits non-zero when a fault goes undetected or a clean check fails.
 */
describe('chaineval selftest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chaineval-selftest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('detects every fault of the catalogue with a fail and has no false failure on the clean chain', async () => {
    const json = join(dir, 'selftest.json');
    const markdown = join(dir, 'matrix.md');
    const { stdout } = await run(
      process.execPath,
      [cliBin, 'selftest', '--json', json, '--markdown', markdown],
      {
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const result = JSON.parse(await readFile(json, 'utf8')) as SelftestResult;
    expect(result.falseFailures).toEqual([]);
    expect(result.rows.map((r) => r.fault)).toEqual(FaultNameSchema.options);
    // Issue 7: at least 40 named faults, each a realistic vendor defect.
    expect(result.rows.filter((r) => !r.transport).length).toBeGreaterThanOrEqual(40);
    const undetected = result.rows.filter((r) => !r.detected);
    expect(
      undetected.map((r) => `${r.fault}: ${r.cells.map((c) => `${c.checkId} ${c.status}`).join(', ')}`),
    ).toEqual([]);
    for (const row of result.rows.filter((r) => !r.transport))
      for (const cell of row.cells) expect(cell.status, `${row.fault} × ${cell.checkId}`).toBe('fail');
    expect(result.clean.length).toBe(Object.keys(findProfile(registry, 'jrt-0193-2020').checks).length);
    expect(result.ok).toBe(true);
    expect(stdout).toMatch(/faults detected, 0 false failure\(s\) on the clean chain, in .* — PASS/);
    expect(await readFile(markdown, 'utf8')).toContain('| `forged-block-hash` |');
  }, 900_000);

  describe('with a registry that lies', () => {
    let anvil: RunningAnvil;
    beforeAll(async () => {
      anvil = await startAnvil();
    });
    afterAll(async () => {
      await anvil.stop();
    });

    /** The real registry, with the quick profile cut to `checks` and `check` patched. */
    const lyingRegistry = (patch: (r: Registry) => Registry): Registry => patch(registry);

    it('reports a fault as undetected when the check claiming it does not fail under it', async () => {
      const parentLinks = registry.checks.find((c) => c.id === 'ledger-parent-hash-links');
      if (!parentLinks) throw new Error('ledger-parent-hash-links is not registered');
      // The parent-link check claims replay-accepted, which it cannot see.
      const lying = lyingRegistry((r) => ({
        ...r,
        checks: r.checks.map((c) => (c === parentLinks ? { ...c, faults: ['replay-accepted'] } : c)),
      }));
      const result = await runSelftest({
        upstreamUrl: anvil.url,
        fundingKey: anvilDevPrivateKey,
        registry: lying,
        profileId: 'quick',
        only: ['replay-accepted'],
        progress: () => {},
      });
      expect(result.ok).toBe(false);
      const row = result.rows.find((r) => r.fault === 'replay-accepted');
      expect(row?.detected).toBe(false);
      expect(row?.cells).toContainEqual(
        expect.objectContaining({ checkId: 'ledger-parent-hash-links', status: 'pass' }),
      );
      expect(row?.cells).toContainEqual(
        expect.objectContaining({ checkId: 'tx-raw-replay-rejected', status: 'fail' }),
      );
    }, 120_000);

    it('reports a false failure when a check fails on the clean chain', async () => {
      const alwaysFails = defineCheck({
        id: 'ledger-parent-hash-links',
        catalogueId: 'LED-01',
        kind: 'conformance',
        title: { zh: '总是失败', en: 'Always fails' },
        description: 'A stand-in that fails whatever the chain does, to show the selftest reports it.',
        failsWhen: 'Always: this stand-in exists only in this test.',
        requires: [],
        parameters: [],
        faults: ['broken-parent-link'],
        run: async () => ({ status: 'fail', summary: 'fails on purpose', evidence: {} }),
      });
      const lying = lyingRegistry((r) => ({
        ...r,
        checks: r.checks.map((c) => (c.id === alwaysFails.id ? alwaysFails : c)),
      }));
      const result = await runSelftest({
        upstreamUrl: anvil.url,
        fundingKey: anvilDevPrivateKey,
        registry: lying,
        profileId: 'quick',
        only: ['broken-parent-link'],
        progress: () => {},
      });
      expect(result.ok).toBe(false);
      expect(result.falseFailures).toEqual([
        { checkId: 'ledger-parent-hash-links', status: 'fail', summary: 'fails on purpose' },
      ]);
    }, 120_000);
  });
});
