import { describe, expect, it } from 'vitest';
import type { Capability } from '../adapter/Capability.ts';
import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { CheckOutcome } from '../checks/CheckResultSchema.ts';
import { type AnyCheck, defineCheck } from '../checks/defineCheck.ts';
import { defineFixture } from '../checks/defineFixture.ts';
import { TargetUnreachableError } from '../errors/TargetError.ts';
import { type CheckRunContext, createFixtureCache, runCheck } from './runCheck.ts';

// A pure test of the runner's bookkeeping: the adapter's parts are never called by these checks.
const adapter = (capabilities: Capability[], parts: Record<string, unknown> = {}) =>
  ({
    info: {
      family: 'evm',
      endpoint: 'http://x',
      chainId: '1',
      clientVersion: 'v',
      genesisHash: '0x',
      cryptoSuite: 'secp256k1-keccak256',
      embedded: false,
    },
    capabilities: new Set(capabilities),
    ledger: {},
    ...parts,
  }) as unknown as ChainAdapter;

const ctx = (over: Partial<CheckRunContext> = {}): CheckRunContext => ({
  adapter: adapter(['block.read']),
  params: {},
  requirements: {},
  account: undefined,
  fixtures: createFixtureCache(),
  progress: () => {},
  signal: new AbortController().signal,
  ...over,
});

const check = (
  run: (c: unknown) => Promise<CheckOutcome>,
  requires: Capability[] = ['block.read'],
): AnyCheck =>
  defineCheck({
    id: 'demo-check',
    catalogueId: 'DEMO-01',
    kind: 'conformance',
    title: { zh: '演示', en: 'demo' },
    requires,
    parameters: [],
    faults: [],
    description: 'd',
    failsWhen: 'f',
    run,
  });

describe('runCheck', () => {
  it('skips a check whose capability the adapter lacks, naming it', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'pass', summary: 'never' }), ['contract.evm']),
      ctx(),
    );
    expect(r).toMatchObject({ status: 'skip', skipReason: 'unsupported-capability' });
    expect(r.summary).toMatch(/contract\.evm/);
  });

  it('refuses to run a check on an adapter that declares a capability without its part (an adapter bug)', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'pass', summary: 'never' }), ['rpc.jsonrpc']),
      ctx({ adapter: adapter(['rpc.jsonrpc']) }),
    );
    expect(r.status).toBe('error');
    expect(r.summary).toMatch(/harness fault: .*declares capabilities without their parts: rpc$/);
  });

  it('refuses to run a signing check without the step account', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'pass', summary: 'never' }), ['tx.clientSign']),
      ctx({ adapter: adapter(['tx.clientSign'], { identities: {}, transactions: {} }) }),
    );
    expect(r).toMatchObject({ status: 'error', summary: expect.stringMatching(/no funded account/) });
  });

  it('records a transport fault as an inconclusive error, not a crash', async () => {
    const r = await runCheck(
      check(async () => {
        throw new TargetUnreachableError('nothing answered at http://x');
      }),
      ctx(),
    );
    expect(r.status).toBe('error');
    expect(r.summary).toBe('nothing answered at http://x');
  });

  it('labels an unexpected exception as a harness fault', async () => {
    const r = await runCheck(
      check(async () => {
        throw new TypeError('boom');
      }),
      ctx(),
    );
    expect(r.status).toBe('error');
    expect(r.summary).toBe('harness fault: boom');
  });

  it('keeps the verdict and adds id, kind and timing', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'fail', summary: 'bad', expected: 1, actual: 2 })),
      ctx(),
    );
    expect(r).toMatchObject({
      checkId: 'demo-check',
      kind: 'conformance',
      status: 'fail',
      expected: 1,
      actual: 2,
    });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('creates a fixture once per step and hands the same value to every check that lists it', async () => {
    let created = 0;
    const sample = defineFixture({
      id: 'sample',
      description: 'd',
      requires: ['block.read'],
      parameters: [],
      create: async () => ({ n: ++created }),
    });
    const user = defineCheck({
      id: 'fixture-user',
      catalogueId: 'DEMO-02',
      kind: 'conformance',
      title: { zh: '演示', en: 'demo' },
      requires: ['block.read'],
      parameters: [],
      fixtures: [sample],
      faults: [],
      description: 'd',
      failsWhen: 'f',
      run: async ({ fixture }) => ({ status: 'pass', summary: `sample ${(await fixture(sample)).n}` }),
    });
    const shared = ctx();
    expect((await runCheck(user, shared)).summary).toBe('sample 1');
    expect((await runCheck(user, shared)).summary).toBe('sample 1');
    expect((await runCheck(user, ctx())).summary).toBe('sample 2');
    const stranger = check(async (c) => {
      await (c as { fixture: (f: unknown) => Promise<unknown> }).fixture(sample);
      return { status: 'pass', summary: 'never' };
    });
    expect((await runCheck(stranger, shared)).summary).toMatch(/without listing it in its fixtures/);
  });
});

describe('runCheck time budget', () => {
  it('ends a check that does not decide within checkTimeBudgetMs as an error, and aborts its signal', async () => {
    let seen: AbortSignal | undefined;
    const r = await runCheck(
      check(async (c) => {
        seen = (c as { signal: AbortSignal }).signal;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        return { status: 'pass', summary: 'too late' };
      }),
      ctx({ params: { checkTimeBudgetMs: 1_000 } }),
    );
    expect(r).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/^timed out after 1 s \(checkTimeBudgetMs 1000\)/),
    });
    expect(seen?.aborted).toBe(true);
  });

  it('passes the run interrupt to the check', async () => {
    const interrupt = new AbortController();
    interrupt.abort('interrupted by SIGINT');
    const r = await runCheck(
      check(async (c) => ({
        status: 'pass',
        summary: `aborted: ${(c as { signal: AbortSignal }).signal.aborted}`,
      })),
      ctx({ signal: interrupt.signal }),
    );
    expect(r.summary).toBe('aborted: true');
  });
});
