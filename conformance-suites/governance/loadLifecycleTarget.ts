import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import targetJson from './build/LifecycleTarget.json' with { type: 'json' };
import targetV2Json from './build/LifecycleTargetV2.json' with { type: 'json' };
import { type SolidityArtifact, SolidityArtifactSchema } from './SolidityArtifactSchema.ts';

const cached = new Map<string, SolidityArtifact>();

function load(json: unknown, path: string): SolidityArtifact {
  const known = cached.get(path);
  if (known) return known;
  const parsed = SolidityArtifactSchema.safeParse(json);
  if (!parsed.success) {
    throw new EnvironmentError(`${path} is not a valid artifact`, {
      details: 'rebuild it with "npx tsx conformance-suites/governance/buildGovernanceContracts.ts"',
    });
  }
  cached.set(path, parsed.data);
  return parsed.data;
}

/** The committed build of LifecycleTarget.sol (SC-04, SC-05, SC-06), validated once. */
export const loadLifecycleTarget = (): SolidityArtifact =>
  load(targetJson, 'conformance-suites/governance/build/LifecycleTarget.json');

/** The committed build of LifecycleTargetV2.sol, what SC-06 upgrades to. */
export const loadLifecycleTargetV2 = (): SolidityArtifact =>
  load(targetV2Json, 'conformance-suites/governance/build/LifecycleTargetV2.json');

/** The deploy intent of the lifecycle target. */
export const lifecycleTargetDeploy = () =>
  ({
    kind: 'deploy',
    artifact: { runtime: 'evm', code: loadLifecycleTarget().bytecode, abi: loadLifecycleTarget().abi },
  }) as const;

/** The call `set(v)` on a deployed lifecycle target. */
export const lifecycleTargetSet = (contract: string, v: bigint) =>
  ({ kind: 'invoke', contract, abi: loadLifecycleTarget().abi, method: 'set', args: [v] }) as const;

/** A storage word as a number: `0x` (ganache's answer for an empty slot) is zero. */
export const wordValue = (word: string): bigint => (word === '0x' ? 0n : BigInt(word));
