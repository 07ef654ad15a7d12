import { expect, it } from 'vitest';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { RunMetaSchema } from '#core/run/RunMetaSchema.ts';
import { stepNames } from '#core/run/steps.ts';
import { buildRunMeta } from './buildRunMeta.ts';

it('builds a valid running RunMeta that plans every step and records the effective parameters', () => {
  const parameters = ProfileParametersSchema.parse({ loadRateTps: 200 });
  const meta = buildRunMeta({
    runId: '20261124T101500Z-1a2b3c4d',
    profile: { id: 'jrt-0193-2020', version: '0.1.0' },
    target: {
      family: 'evm',
      endpoint: 'https://rpc.example.com',
      chainId: 1,
      clientVersion: 'geth/v1',
      genesisHash: `0x${'00'.repeat(32)}`,
      cryptoSuite: 'secp256k1-keccak256',
      embedded: false,
    },
    parameters,
    startedAt: new Date('2026-11-24T10:15:00Z'),
  });
  expect(RunMetaSchema.parse(meta)).toEqual(meta);
  expect(meta).toMatchObject({
    status: 'running',
    startedAt: '2026-11-24T10:15:00.000Z',
    profile: { id: 'jrt-0193-2020' },
  });
  expect(meta.plannedSteps).toEqual([...stepNames]);
  expect(meta.parameters).toMatchObject({ loadRateTps: 200 });
  expect(meta).not.toHaveProperty('finishedAt');
});
