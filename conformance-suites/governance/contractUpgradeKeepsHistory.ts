import { encodeFunctionData, type Hex, keccak256 } from 'viem';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { deployLifecycleTarget } from './deployLifecycleTarget.ts';
import {
  actEvidence,
  attemptAs,
  describeAct,
  readingEvidence,
  readingProblem,
  submitAndFollow,
} from './governanceSteps.ts';
import { lifecycleTargetSet, loadLifecycleTargetV2, wordValue } from './loadLifecycleTarget.ts';

/** `uint256 public value` is the first state variable of both versions: slot 0. */
const valueSlot: Hex = '0x0';
/** The version label SC-06 gives the upgrade. */
const upgradeVersion = 'chaineval-sc06-v2';

/**
 * SC-06 — JR/T 0184-2020 12.2 (versions defined at deploy/upgrade time; the previous version kept)
 * and 12.8 (permissioned upgrade; data migrated to the new version), with 7.6 (new versions read
 * historical data). The step deploys LifecycleTarget, stores 7, and the governance identity upgrades
 * it to LifecycleTargetV2 through the chain's lifecycle API. Reads are cross-checked against each
 * other: the code at the address, the version and code hash the governance records, the event of the
 * upgrade, a call only version 2 answers, the stored value, and the code before the upgrade block.
 *
 * Comparison policy: code compared by keccak256. Fail when the upgrade is not executed or not
 * recorded, the address does not run version 2, the recorded version or code hash differ from what
 * runs, slot 0 lost its value, the code before the upgrade block is not version 1 (or that historical
 * read is refused), or version 2 cannot store a new value.
 */
export const contractUpgradeKeepsHistory = defineCheck({
  id: 'contract-upgrade-keeps-history',
  catalogueId: 'SC-06',
  kind: 'conformance',
  title: { zh: '合约升级保留历史数据与版本', en: 'Contract upgrade keeps state, history and version' },
  requires: ['contract.lifecycle', 'tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  faults: ['upgrade-loses-state'],
  budget: () => [
    { kind: 'deploy', count: 1 },
    { kind: 'call', count: 2 },
  ],
  description:
    'Deploys a small contract, stores 7, and has the governance identity upgrade it to a second version at the same ' +
    'address. Passes when the upgrade is recorded with its version and code hash, the address runs version 2 ' +
    '(version() answers 2), slot 0 still holds 7, the code before the upgrade is version 1, and version 2 stores 8.',
  failsWhen:
    'The upgrade loses the stored value, is not recorded (version, code hash, event), does not change the running ' +
    'code, erases the previous version from history, or leaves a contract that cannot be written.',
  async run({ adapter, params, account }) {
    const { governance, transactions, evm, rpc } = adapter;
    const timeoutMs = params.receiptTimeoutMs;
    const v2 = loadLifecycleTargetV2();
    const evidence: Record<string, unknown> = { admin: governance.admin.address, caller: account.address };
    const deployment = await deployLifecycleTarget(adapter, account, timeoutMs);
    Object.assign(evidence, deployment.evidence);
    if (!deployment.deployed)
      return {
        status: 'error',
        summary: `precondition: the lifecycle target could not be deployed (${describeAct(deployment.act, timeoutMs)})`,
        evidence,
      };
    const contract = deployment.address;
    const stored = await attemptAs(transactions, lifecycleTargetSet(contract, 7n), account, timeoutMs);
    evidence.store7 = actEvidence(stored, timeoutMs);
    if (stored.kind !== 'executed' || wordValue(await evm.getStorageAt(contract, valueSlot)) !== 7n)
      return {
        status: 'error',
        summary: `precondition: set(7) on the deployed contract was ${describeAct(stored, timeoutMs)}`,
        evidence,
      };
    const codeV1 = await evm.getCode(contract);

    const upgrade = await submitAndFollow(
      transactions,
      await governance.signAsAdmin(
        governance.intent({
          kind: 'upgrade-contract',
          contract,
          code: v2.deployedBytecode,
          version: upgradeVersion,
        }),
      ),
      timeoutMs,
    );
    evidence.upgrade = actEvidence(upgrade, timeoutMs);
    const expected = {
      upgrade: 'executed and recorded',
      code: `version 2 (${keccak256(v2.deployedBytecode)})`,
      version: upgradeVersion,
      slot0: '7',
      codeBeforeUpgrade: `version 1 (${keccak256(codeV1)})`,
      storeAfterUpgrade: '8 stored',
    };
    if (upgrade.kind !== 'executed' || upgrade.outcome === null)
      return {
        status: 'fail',
        summary: `the governance identity's upgrade was ${describeAct(upgrade, timeoutMs)}: contracts cannot be upgraded`,
        expected,
        actual: { upgrade: describeAct(upgrade, timeoutMs) },
        evidence,
      };
    const upgradeBlock = upgrade.outcome.blockNumber;
    const problems: string[] = [];
    const v2Hash = keccak256(v2.deployedBytecode);

    const record = governance
      .recordsOf(upgrade.outcome)
      .find((r) => r.action.kind === 'upgrade-contract' && r.action.contract === contract.toLowerCase());
    evidence.record = record ? { ...record, blockNumber: record.blockNumber.toString() } : null;
    if (!record)
      problems.push(`the upgrade ${upgrade.txId} executed but its outcome carries no record of it`);
    else if (
      record.action.kind === 'upgrade-contract' &&
      (record.action.codeHash !== v2Hash || record.action.version !== upgradeVersion)
    )
      problems.push(
        `the upgrade's record names version "${record.action.version}" with code hash ${record.action.codeHash}, not "${upgradeVersion}" with ${v2Hash}`,
      );

    const codeNow = await evm.getCode(contract);
    const running = keccak256(codeNow);
    if (running !== v2Hash)
      problems.push(`after the upgrade ${contract} runs code ${running}, not version 2 (${v2Hash})`);
    const version = await governance.contractVersion(contract);
    evidence.recordedVersion = readingEvidence(version);
    if (version.kind !== 'read')
      problems.push(`the contract's version cannot be read: ${readingProblem(version)}`);
    else if (version.value.version !== upgradeVersion || version.value.codeHash.toLowerCase() !== running)
      problems.push(
        `the governance records version "${version.value.version}" with code hash ${version.value.codeHash}, but ${contract} runs ${running}`,
      );

    const versionCall = {
      method: 'eth_call',
      params: [
        { to: contract, data: encodeFunctionData({ abi: v2.abi, functionName: 'version' }) },
        'latest',
      ],
    } as const;
    const answered = await rpc.request(versionCall.method, versionCall.params);
    evidence.versionCall = { call: versionCall, answer: answered };
    if (
      answered.kind !== 'result' ||
      typeof answered.result !== 'string' ||
      wordValue(answered.result) !== 2n
    )
      problems.push(
        `version() at ${contract} did not answer 2 after the upgrade (${JSON.stringify(answered).slice(0, 160)})`,
      );

    const slot0 = wordValue(await evm.getStorageAt(contract, valueSlot));
    if (slot0 !== 7n) problems.push(`the upgrade lost the stored value: slot 0 holds ${slot0}, not 7`);

    const beforeCall = {
      method: 'eth_getCode',
      params: [contract, `0x${(upgradeBlock - 1n).toString(16)}`],
    } as const;
    const before = await rpc.request(beforeCall.method, beforeCall.params);
    evidence.codeBeforeUpgrade = {
      call: beforeCall,
      answer:
        before.kind === 'result' && typeof before.result === 'string'
          ? keccak256(before.result as Hex)
          : before,
    };
    if (before.kind !== 'result' || typeof before.result !== 'string')
      problems.push(
        `the code before the upgrade cannot be read at block ${upgradeBlock - 1n}: ${JSON.stringify(before).slice(0, 160)}`,
      );
    else if (keccak256(before.result as Hex) !== keccak256(codeV1))
      problems.push(
        `at block ${upgradeBlock - 1n}, before the upgrade, ${contract} holds code ${keccak256(before.result as Hex)}, not version 1`,
      );

    const store8 = await attemptAs(transactions, lifecycleTargetSet(contract, 8n), account, timeoutMs);
    const slotAfter = wordValue(await evm.getStorageAt(contract, valueSlot));
    evidence.store8 = { ...actEvidence(store8, timeoutMs), slot0After: slotAfter.toString() };
    if (store8.kind !== 'executed' || slotAfter !== 8n)
      problems.push(
        `set(8) on the upgraded contract was ${describeAct(store8, timeoutMs)} and slot 0 holds ${slotAfter}`,
      );

    const actual = {
      upgrade: `executed in block ${upgradeBlock}${record ? ', recorded' : ', not recorded'}`,
      code: running === v2Hash ? 'version 2' : running,
      version: version.kind === 'read' ? version.value.version : 'unreadable',
      slot0: slot0.toString(),
      storeAfterUpgrade: `${describeAct(store8, timeoutMs)}; slot 0 ${slotAfter}`,
    };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    return {
      status: 'pass',
      summary: `upgraded ${contract} to "${upgradeVersion}" in block ${upgradeBlock}: it runs version 2, kept 7, still shows version 1 before the upgrade, and stored 8`,
      expected,
      actual,
      evidence,
    };
  },
});
