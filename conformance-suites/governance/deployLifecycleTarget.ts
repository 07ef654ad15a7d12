import type { Identity } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import { type ActResult, actEvidence, submitAndFollow } from './governanceSteps.ts';
import { lifecycleTargetDeploy } from './loadLifecycleTarget.ts';

export type LifecycleTargetDeployment =
  | { readonly deployed: true; readonly address: string; readonly evidence: Record<string, unknown> }
  | { readonly deployed: false; readonly act: ActResult; readonly evidence: Record<string, unknown> };

/**
 * Deploys LifecycleTarget from `account` for SC-05/SC-06. Where the chain restricts deployment
 * (`perm.write`) and the account lacks the right, the governance identity grants it for the
 * deployment and revokes it after, so the lifecycle checks probe the lifecycle, not the permission.
 */
export async function deployLifecycleTarget(
  adapter: AdapterWith<'contract.lifecycle' | 'tx.clientSign' | 'tx.receipts' | 'contract.evm'>,
  account: Identity,
  timeoutMs: number,
): Promise<LifecycleTargetDeployment> {
  const { governance, transactions, evm } = adapter;
  const evidence: Record<string, unknown> = {};
  const admin = async (kind: 'grant' | 'revoke') =>
    submitAndFollow(
      transactions,
      await governance.signAsAdmin(governance.intent({ kind, scope: 'deploy', subject: account.address })),
      timeoutMs,
    );
  let granted = false;
  if (adapter.capabilities.has('perm.write')) {
    const right = await governance.hasPermission('deploy', account.address);
    if (right.kind === 'read' && !right.value) {
      const grant = await admin('grant');
      evidence.deployRightGranted = actEvidence(grant, timeoutMs);
      granted = grant.kind === 'executed';
    }
  }
  const act = await submitAndFollow(
    transactions,
    await transactions.sign(lifecycleTargetDeploy(), account),
    timeoutMs,
  );
  evidence.deploy = actEvidence(act, timeoutMs);
  if (granted) evidence.deployRightRevoked = actEvidence(await admin('revoke'), timeoutMs);
  const address = act.outcome?.contractAddress;
  if (act.kind !== 'executed' || !address || (await evm.getCode(address)) === '0x')
    return { deployed: false, act, evidence };
  return { deployed: true, address, evidence: { ...evidence, contract: address } };
}
