import { describe, expect, it } from 'vitest';
import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { CheckDefinition } from '../checks/CheckDefinition.ts';
import { TargetUnreachableError } from '../errors/TargetError.ts';
import { ProfileParametersSchema } from '../profile/ProfileParametersSchema.ts';
import { runCheck } from './runCheck.ts';

// A pure test of the runner's bookkeeping: the adapter is never called by these checks.
const adapter = {
  info: {
    family: 'evm',
    endpoint: 'http://x',
    chainId: 1,
    clientVersion: 'v',
    genesisHash: '0x',
    cryptoSuite: 'secp256k1-keccak256',
    embedded: false,
  },
  capabilities: new Set(['block.read']),
} as unknown as ChainAdapter;
const ctx = { adapter, params: ProfileParametersSchema.parse({}), progress: () => undefined };

const check = (
  run: CheckDefinition['run'],
  requires: CheckDefinition['requires'] = ['block.read'],
): CheckDefinition => ({
  id: 'demo-check',
  catalogueId: 'DEMO-01',
  kind: 'conformance',
  title: { zh: '演示', en: 'demo' },
  clauseIds: ['x'],
  requires,
  description: 'd',
  failsWhen: 'f',
  run,
});

describe('runCheck', () => {
  it('skips a check whose capability the adapter lacks, naming it', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'pass', summary: 'never' }), ['contract.evm']),
      ctx,
    );
    expect(r).toMatchObject({ status: 'skip', skipReason: 'unsupported-capability' });
    expect(r.summary).toMatch(/contract\.evm/);
  });

  it('records a transport fault as an inconclusive error, not a crash', async () => {
    const r = await runCheck(
      check(async () => {
        throw new TargetUnreachableError('nothing answered at http://x');
      }),
      ctx,
    );
    expect(r.status).toBe('error');
    expect(r.summary).toBe('nothing answered at http://x');
  });

  it('labels an unexpected exception as a harness fault', async () => {
    const r = await runCheck(
      check(async () => {
        throw new TypeError('boom');
      }),
      ctx,
    );
    expect(r.status).toBe('error');
    expect(r.summary).toBe('harness fault: boom');
  });

  it('keeps the verdict and adds id, kind and timing', async () => {
    const r = await runCheck(
      check(async () => ({ status: 'fail', summary: 'bad', expected: 1, actual: 2 })),
      ctx,
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
});
