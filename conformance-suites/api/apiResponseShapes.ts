import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { probeUnavailable } from '#conformance/contracts/probeUnavailable.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import {
  BlockWithHashes,
  BlockWithObjects,
  blockMembers,
  checkReceipt,
  checkShape,
  checkTransaction,
  extraMembers,
  Log,
  receiptMembers,
  type ShapeIssue,
  type ToleratedAbsence,
} from './executionApiShapes.ts';

/** Events the call emits: two Ping and one Pong (Probe.sol emitEvents). */
const pings = 2n;
const emitGas = 200_000n;

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;

/**
 * API-07 (chaineval extension) — JR/T 0184-2020 7.7: interfaces are well-defined and compatible. The
 * objects every SDK decodes (blocks, transactions, receipts, logs) must have the shape
 * ethereum/execution-apis specifies: a quantity with a leading zero, a 31-byte hash or a missing
 * member breaks clients or, worse, is silently misread.
 *
 * Comparison policy (executionApiShapes.ts): the step's account calls Probe.emitEvents, then the
 * genesis block, the call's block (by number with hashes and with full transactions, and by hash),
 * the transaction, its receipt and the block's logs are read raw and checked member by member;
 * members the specification does not define are recorded, not judged; blockTimestamp and yParity
 * absent where v carries the parity are recorded deviations (recent additions). Cross-checks: the
 * three block reads agree, each transaction names its block, index and hash, the receipt and its
 * logs name the transaction, logIndex increases, eth_getLogs returns the receipt's logs.
 */
export const apiResponseShapes = defineCheck({
  id: 'api-response-shapes',
  catalogueId: 'API-07',
  kind: 'conformance',
  title: {
    zh: '区块、交易、回执与日志的返回格式符合规范',
    en: 'Blocks, transactions, receipts and logs have the specified shapes',
  },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['malformed-quantities'],
  budget: () => [{ kind: 'call', count: 1 }],
  description:
    "Calls Probe.emitEvents from the step account, then reads raw the genesis block, the call's block (three ways), " +
    "the transaction, its receipt and the block's logs, and checks every member against ethereum/execution-apis " +
    '(quantities without leading zeros, 32-byte hashes, 20-byte addresses, whole-byte data, required members) and ' +
    'the objects against each other. Passes when all conform and agree.',
  failsWhen:
    'A member is missing or malformed (e.g. number "0x02", a 31-byte hash, odd-length data), or the objects disagree ' +
    '(a transaction naming another block or index, a receipt or log naming another transaction, eth_getLogs missing ' +
    "the receipt's logs).",
  async run({ adapter, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const signed = await adapter.transactions.sign(
      {
        kind: 'invoke',
        contract: probe.address,
        abi: loadProbeArtifact().abi,
        method: 'emitEvents',
        args: [BigInt(Date.now()), pings],
      },
      account,
      { gasLimit: emitGas },
    );
    const submitted = await adapter.transactions.submit(signed);
    if (!submitted.accepted) {
      return {
        status: 'fail',
        summary: `the node refused the emitEvents call: ${submitted.error.code} ${submitted.error.message}`,
        evidence: { txId: signed.txId, answer: submitted },
      };
    }
    const outcome = await adapter.transactions.awaitOutcome(submitted.txId, params.receiptTimeoutMs);
    if (outcome === null) {
      return {
        status: 'fail',
        summary: `the accepted emitEvents call ${submitted.txId} is not on the ledger after ${params.receiptTimeoutMs} ms`,
        evidence: { txId: submitted.txId },
      };
    }
    const txHash = submitted.txId;
    const number = `0x${outcome.blockNumber.toString(16)}`;
    const calls: { method: string; params: unknown[]; answer: string }[] = [];
    const read = async (method: string, callParams: unknown[]): Promise<unknown> => {
      const answer = await adapter.rpc.request(method, callParams);
      calls.push({ method, params: callParams, answer: JSON.stringify(answer).slice(0, 200) });
      return answer.kind === 'result' ? answer.result : { notAResult: answer };
    };
    const genesis = await read('eth_getBlockByNumber', ['0x0', false]);
    const blockHashes = await read('eth_getBlockByNumber', [number, false]);
    const blockFull = await read('eth_getBlockByNumber', [number, true]);
    const blockByHash = await read('eth_getBlockByHash', [outcome.blockHash, false]);
    const tx = await read('eth_getTransactionByHash', [txHash]);
    const receipt = await read('eth_getTransactionReceipt', [txHash]);
    const logs = await read('eth_getLogs', [{ fromBlock: number, toBlock: number, address: probe.address }]);

    const issues: ShapeIssue[] = [];
    const tolerated: ToleratedAbsence[] = [];
    const mismatch = (at: string, problem: string) => issues.push({ at, problem });
    issues.push(...checkShape('genesis block', BlockWithHashes, genesis));
    issues.push(...checkShape(`block ${number} (hashes)`, BlockWithHashes, blockHashes));
    issues.push(...checkShape(`block ${number} (full)`, BlockWithObjects, blockFull));
    issues.push(...checkShape(`block ${outcome.blockHash} (by hash)`, BlockWithHashes, blockByHash));
    const full = asObject(blockFull);
    const fullTxs = Array.isArray(full?.transactions) ? full.transactions : [];
    fullTxs.forEach((t, i) => {
      const checked = checkTransaction(`block ${number} .transactions[${i}]`, t);
      issues.push(...checked.issues);
      tolerated.push(...checked.tolerated);
    });
    const checkedTx = checkTransaction(`transaction ${txHash}`, tx);
    issues.push(...checkedTx.issues);
    tolerated.push(...checkedTx.tolerated);
    issues.push(...checkReceipt(`receipt ${txHash}`, receipt));
    if (!Array.isArray(logs)) mismatch(`eth_getLogs block ${number}`, 'expected an array of logs');
    else for (const [i, log] of logs.entries()) issues.push(...checkShape(`eth_getLogs[${i}]`, Log, log));

    // Cross-checks: the objects must describe the same facts.
    const hashes = asObject(blockHashes);
    const byHash = asObject(blockByHash);
    if (hashes?.hash !== outcome.blockHash)
      mismatch(`block ${number} .hash`, `is ${String(hashes?.hash)}, the receipt names ${outcome.blockHash}`);
    if (full?.hash !== hashes?.hash || byHash?.hash !== hashes?.hash)
      mismatch(
        `block ${number}`,
        'by number with hashes, with full transactions and by hash give different hashes',
      );
    const listed = Array.isArray(hashes?.transactions) ? hashes.transactions : [];
    if (JSON.stringify(fullTxs.map((t) => asObject(t)?.hash)) !== JSON.stringify(listed))
      mismatch(`block ${number} .transactions`, 'the full transactions are not the listed hashes, in order');
    if (!listed.includes(txHash)) mismatch(`block ${number} .transactions`, `does not list ${txHash}`);
    fullTxs.forEach((t, i) => {
      const o = asObject(t);
      if (
        o?.blockHash !== hashes?.hash ||
        o?.blockNumber !== number ||
        o?.transactionIndex !== `0x${i.toString(16)}`
      )
        mismatch(
          `block ${number} .transactions[${i}]`,
          `names block ${String(o?.blockHash)} ${String(o?.blockNumber)} index ${String(o?.transactionIndex)}`,
        );
    });
    const txObject = asObject(tx);
    const inBlock = fullTxs.map(asObject).find((t) => t?.hash === txHash);
    for (const key of ['hash', 'from', 'nonce', 'input', 'blockHash', 'transactionIndex'])
      if (txObject?.[key] !== inBlock?.[key])
        mismatch(
          `transaction ${txHash} .${key}`,
          `eth_getTransactionByHash says ${String(txObject?.[key]).slice(0, 70)}, the block says ${String(inBlock?.[key]).slice(0, 70)}`,
        );
    const rc = asObject(receipt);
    for (const [key, want] of [
      ['transactionHash', txHash],
      ['blockHash', hashes?.hash],
      ['blockNumber', number],
      ['transactionIndex', txObject?.transactionIndex],
      ['from', typeof txObject?.from === 'string' ? txObject.from : undefined],
    ] as const)
      if (String(rc?.[key]).toLowerCase() !== String(want).toLowerCase())
        mismatch(`receipt ${txHash} .${key}`, `is ${String(rc?.[key])}, expected ${String(want)}`);
    const receiptLogs = Array.isArray(rc?.logs) ? rc.logs.map(asObject) : [];
    if (receiptLogs.length !== Number(pings) + 1)
      mismatch(
        `receipt ${txHash} .logs`,
        `${receiptLogs.length} logs, emitEvents(tag, ${pings}) emits ${Number(pings) + 1}`,
      );
    let previousIndex = -1;
    receiptLogs.forEach((log, i) => {
      if (
        log?.transactionHash !== txHash ||
        log?.blockHash !== hashes?.hash ||
        log?.transactionIndex !== txObject?.transactionIndex
      )
        mismatch(
          `receipt ${txHash} .logs[${i}]`,
          `names transaction ${String(log?.transactionHash)} in block ${String(log?.blockHash)}`,
        );
      const index = typeof log?.logIndex === 'string' ? Number(log.logIndex) : Number.NaN;
      if (!(index > previousIndex))
        mismatch(`receipt ${txHash} .logs[${i}] .logIndex`, `${String(log?.logIndex)} does not increase`);
      previousIndex = index;
    });
    const fetched = Array.isArray(logs)
      ? logs.map(asObject).filter((l) => l?.transactionHash === txHash)
      : [];
    const key = (l: Json | undefined) => JSON.stringify([l?.logIndex, l?.data, l?.topics]);
    if (JSON.stringify(fetched.map(key)) !== JSON.stringify(receiptLogs.map(key)))
      mismatch(
        `eth_getLogs block ${number}`,
        `returns ${fetched.length} logs of ${txHash} that differ from the receipt's ${receiptLogs.length}`,
      );

    const extras = {
      block: extraMembers(blockHashes, blockMembers),
      receipt: extraMembers(receipt, receiptMembers),
    };
    const evidence = {
      txId: txHash,
      block: number,
      probe: probe.address,
      calls,
      issues: issues.slice(0, 40),
      tolerated,
      extraMembers: extras,
    };
    const expected =
      'every member as ethereum/execution-apis specifies it, and the objects consistent with each other';
    if (issues.length > 0) {
      return {
        status: 'fail',
        summary: `${issues.length} shape or consistency problem(s): ${issues
          .slice(0, 6)
          .map((i) => `${i.at}: ${i.problem}${i.value === undefined ? '' : ` (${i.value})`}`)
          .join('; ')}${issues.length > 6 ? '; …' : ''}`,
        expected,
        actual: issues.slice(0, 40),
        evidence,
      };
    }
    const absent = [...new Set(tolerated.map((t) => t.at.replace(/^.* \./, '')))];
    return {
      status: 'pass',
      summary: `2 blocks, ${fullTxs.length} transaction(s), the receipt and ${receiptLogs.length} logs conform and agree${
        absent.length === 0 ? '' : ` (tolerated deviation: ${absent.join(', ')} absent on transactions)`
      }`,
      expected,
      actual: 'conform',
      evidence,
    };
  },
});
