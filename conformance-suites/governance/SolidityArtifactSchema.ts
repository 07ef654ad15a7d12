import type { Abi } from 'viem';
import { z } from 'zod';

const HexBytesSchema = z
  .string()
  .regex(/^0x(?:[0-9a-f]{2})+$/, 'expected non-empty lower-case 0x-prefixed bytes')
  .transform((s) => s as `0x${string}`);

/**
 * A contract build committed beside its source (written by buildGovernanceContracts.ts): the compiler
 * and settings so an assessor can rebuild the same bytes, and the source digest so a stale build is
 * caught (compileSolidity.test.ts).
 */
export const SolidityArtifactSchema = z.object({
  contractName: z.string().min(1),
  sourcePath: z.string(),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  compiler: z.object({
    name: z.literal('solc'),
    version: z.string(),
    settings: z.record(z.string(), z.unknown()),
  }),
  // viem checks the entries when it encodes calls; a shape check here rejects a wrong file.
  abi: z.array(z.looseObject({ type: z.string() })).transform((abi) => abi as unknown as Abi),
  bytecode: HexBytesSchema,
  deployedBytecode: HexBytesSchema,
});
export type SolidityArtifact = z.infer<typeof SolidityArtifactSchema>;
