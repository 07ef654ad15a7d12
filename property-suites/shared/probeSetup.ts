import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { probeUnavailable } from '#conformance/contracts/probeUnavailable.ts';
import type { SuiteSetup } from './ModelSuite.ts';
import type { ModelPropertyContext } from './modelParameters.ts';

/**
 * The step's Probe contract (Probe.sol, deployed once per step by the shared fixture) for the suites
 * that call it; when it could not be deployed, the same verdict the conformance checks give.
 */
export async function probeSetup(ctx: ModelPropertyContext): Promise<SuiteSetup> {
  const probe = await ctx.fixture(probeContractFixture);
  if (!probe.deployed) return { ready: false, outcome: probeUnavailable(probe) };
  return { ready: true, contract: probe.address.toLowerCase() };
}
