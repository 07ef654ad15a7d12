import { getContractAddress } from 'viem';
import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded } from '../../shared/AccountsModel.ts';
import { includeTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { ModelMismatchError } from '../../transfers/ModelMismatchError.ts';
import { assertDeploymentsMatch } from '../assertDeploymentsMatch.ts';
import type { DeploymentModel } from '../DeploymentModel.ts';
import { assertCodeAt } from '../readCode.ts';

/** Fixed, no estimation: the Probe's init code needs ≈ 120k (as the probe fixture). */
const deployGas = 500_000n;

/**
 * Deploys the Probe artifact from one of the suite's accounts: the receipt names the CREATE address
 * of (sender, nonce), which holds exactly the runtime code from that block and none the block before;
 * the sender pays the fee and uses one nonce.
 */
export class DeployCommand implements PropertyCommand<DeploymentModel> {
  constructor(readonly from: number) {}

  check(): boolean {
    return true;
  }

  async run(m: DeploymentModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const identity = identityAt(s, this.from, label);
    const artifact = loadProbeArtifact();
    const nonce = m.nonces[this.from]!;
    const signed = await s.adapter.transactions.sign(
      { kind: 'deploy', artifact: { runtime: 'evm', code: artifact.bytecode, abi: artifact.abi } },
      identity,
      { nonce, gasLimit: deployGas },
    );
    const { outcome, fee } = await includeTransaction(s, signed, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce },
    });
    const address = getContractAddress({ from: identity.address as `0x${string}`, nonce }).toLowerCase();
    if (outcome.contractAddress !== address || outcome.to !== null) {
      throw new ModelMismatchError(
        `${label}: the receipt names contract ${outcome.contractAddress}, but ${identity.address} with nonce ${nonce} creates ${address}`,
        { contractAddress: address, to: null },
        { contractAddress: outcome.contractAddress, to: outcome.to },
      );
    }
    applyIncluded(m, { from: this.from, value: 0n, fee });
    m.deployed.push({ address, block: outcome.blockNumber });
    await assertCodeAt(s, { address, block: outcome.blockNumber, expected: m.runtimeCode }, label);
    if (outcome.blockNumber > 0n) {
      await assertCodeAt(s, { address, block: outcome.blockNumber - 1n, expected: '0x' }, label);
    }
    await assertDeploymentsMatch(m, s, label);
  }

  step(): CommandStep {
    return { name: 'Deploy', args: [this.from] };
  }

  toString(): string {
    return `Deploy(${this.from})`;
  }
}
