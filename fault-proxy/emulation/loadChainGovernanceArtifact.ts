import {
  type SolidityArtifact,
  SolidityArtifactSchema,
} from '#conformance/governance/SolidityArtifactSchema.ts';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import governanceJson from './build/ChainGovernance.json' with { type: 'json' };

let cached: SolidityArtifact | undefined;

/** The committed build of ChainGovernance.sol (conformance-suites/governance/buildGovernanceContracts.ts). */
export function loadChainGovernanceArtifact(): SolidityArtifact {
  if (cached) return cached;
  const parsed = SolidityArtifactSchema.safeParse(governanceJson);
  if (!parsed.success) {
    throw new EnvironmentError('fault-proxy/emulation/build/ChainGovernance.json is not a valid artifact', {
      details: 'rebuild it with "npx tsx conformance-suites/governance/buildGovernanceContracts.ts"',
    });
  }
  cached = parsed.data;
  return cached;
}
