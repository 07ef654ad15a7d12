import type { Abi } from 'viem';
import { z } from 'zod';

const HexBytesSchema = z
  .string()
  .regex(/^0x(?:[0-9a-f]{2})+$/, 'expected non-empty lower-case 0x-prefixed bytes')
  .transform((s) => s as `0x${string}`);

/** Functions and events the checks call by name; an artifact without them is unusable. */
export const probeAbiMembers = [
  'value',
  'writeThenRevert',
  'fail',
  'Written',
  'set',
  'get',
  'mix',
  'emitEvents',
  'spin',
  'Ping',
  'Pong',
] as const;

/**
 * Enough of a Solidity ABI entry to reject a wrong file; viem checks the rest when it encodes calls
 * (https://docs.soliditylang.org/en/v0.8.30/abi-spec.html#json).
 */
const AbiEntrySchema = z.looseObject({
  type: z.enum(['function', 'event', 'error', 'constructor', 'fallback', 'receive']),
  name: z.string().optional(),
  inputs: z.array(z.looseObject({ name: z.string(), type: z.string() })).optional(),
});

/**
 * `conformance-suites/contracts/build/Probe.json`, written by `npm run build:contracts`. Records the
 * compiler and settings so an assessor can rebuild the same bytes, and the source digest so a stale
 * build is caught (compileProbe.test.ts).
 */
export const ProbeArtifactSchema = z.object({
  contractName: z.literal('Probe'),
  sourcePath: z.string(),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  compiler: z.object({
    name: z.literal('solc'),
    version: z.string(),
    settings: z.record(z.string(), z.unknown()),
  }),
  abi: z
    .array(AbiEntrySchema)
    .refine((abi) => probeAbiMembers.every((member) => abi.some((entry) => entry.name === member)), {
      message: `the ABI must declare ${probeAbiMembers.join(', ')}`,
    })
    // Shape checked above; viem's Abi type is structural and narrower than zod can express cheaply.
    .transform((abi) => abi as unknown as Abi),
  bytecode: HexBytesSchema,
  deployedBytecode: HexBytesSchema,
});
export type ProbeArtifact = z.infer<typeof ProbeArtifactSchema>;
