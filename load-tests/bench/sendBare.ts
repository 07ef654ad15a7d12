import { Agent, request } from 'node:http';
import { encodeFunctionData, type Hex, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';

/** Gas of a Probe.set call, as chaineval's contract-write workload gives it (prepareLoadWorkload.ts). */
const contractWriteGas = 60_000n;

export interface BareSenderResult {
  readonly workload: 'transfer' | 'contract-write';
  readonly sent: number;
  readonly accepted: number;
  readonly committed: number;
  /** From the first send to the block holding the last committed transfer (ground truth: block tx counts). */
  readonly windowS: number;
  readonly committedTps: number;
  readonly cpuS: number;
  readonly maxRssMb: number;
}

/** One JSON-RPC call over a kept-alive connection; the reference sender has no other layer. */
function rpc(agent: Agent, url: URL, method: string, params: unknown[]): Promise<unknown> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            result?: unknown;
            error?: unknown;
          };
          resolve(answer.error === undefined ? answer.result : { error: answer.error });
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The reference sender of `npm run bench` (issue 9 item 6): transfers pre-signed with viem before the
 * clock (from `accounts` fresh keys funded with anvil_setBalance), then sent as fast as `inFlight`
 * kept-alive connections allow, with no scheduling, measurement or validation beyond counting
 * acceptances. Committed transfers are counted from the blocks themselves. The ceiling a harness
 * is compared with; it proves nothing about the chain by itself.
 *
 * With workload "contract-write" each transaction is instead a Probe.set(j) call (chaineval's
 * loadWorkload "contract-write") on a Probe contract deployed before the clock; after the window, the
 * receipt of the last transaction signed for every account is read, so a ceiling made of reverted
 * writes cannot pass unnoticed (throws).
 */
export async function sendBare(
  rpcUrl: string,
  options: {
    readonly transfers: number;
    readonly accounts: number;
    readonly inFlight: number;
    readonly drainS: number;
    /** @default 'transfer' */
    readonly workload?: 'transfer' | 'contract-write';
  },
): Promise<BareSenderResult> {
  const workload = options.workload ?? 'transfer';
  const url = new URL(rpcUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.inFlight });
  const keys = Array.from({ length: options.accounts }, (_, i) =>
    keccak256(toHex(`chaineval-bench-bare-${i}`)),
  );
  const accounts = keys.map((k) => privateKeyToAccount(k));
  for (const a of accounts) await rpc(agent, url, 'anvil_setBalance', [a.address, '0x3635C9ADC5DEA00000']);
  const gasPrice = BigInt((await rpc(agent, url, 'eth_gasPrice', [])) as string) * 2n;
  const chainId = Number(BigInt((await rpc(agent, url, 'eth_chainId', [])) as string));
  const contract =
    workload === 'contract-write'
      ? await deployProbe(agent, url, accounts[0]!, gasPrice, chainId)
      : undefined;
  const raws: Hex[] = [];
  const perAccount = Math.ceil(options.transfers / options.accounts);
  for (let n = 0; n < perAccount; n++) {
    for (const a of accounts) {
      if (raws.length >= options.transfers) break;
      // Account 0 deployed the contract with its nonce 0.
      const nonce = contract !== undefined && a === accounts[0] ? n + 1 : n;
      raws.push(
        await a.signTransaction(
          contract === undefined
            ? { to: a.address, value: 1n, gas: 21_000n, gasPrice, nonce, chainId, type: 'legacy' }
            : {
                to: contract,
                data: encodeFunctionData({
                  abi: loadProbeArtifact().abi,
                  functionName: 'set',
                  args: [BigInt(raws.length + 1)],
                }),
                gas: contractWriteGas,
                gasPrice,
                nonce,
                chainId,
                type: 'legacy',
              },
        ),
      );
    }
  }
  const fromHeight = BigInt((await rpc(agent, url, 'eth_blockNumber', [])) as string);
  const cpu0 = process.cpuUsage();
  let maxRss = process.memoryUsage().rss;
  const startMs = performance.now();
  let next = 0;
  let accepted = 0;
  await Promise.all(
    Array.from({ length: options.inFlight }, async () => {
      while (next < raws.length) {
        const raw = raws[next++]!;
        const answer = await rpc(agent, url, 'eth_sendRawTransaction', [raw]);
        if (typeof answer === 'string') accepted += 1;
      }
    }),
  );
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
  // Ground truth: the blocks' transaction counts, until every accepted transfer is in or drainS passes.
  let committed = 0;
  let lastAtMs = startMs;
  let height = fromHeight;
  const deadline = performance.now() + options.drainS * 1_000;
  while (committed < accepted && performance.now() < deadline) {
    const top = BigInt((await rpc(agent, url, 'eth_blockNumber', [])) as string);
    for (; height < top; height++) {
      const block = (await rpc(agent, url, 'eth_getBlockTransactionCountByNumber', [
        `0x${(height + 1n).toString(16)}`,
      ])) as string;
      const count = Number(BigInt(block));
      if (count > 0) {
        committed += count;
        lastAtMs = performance.now();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const cpu = process.cpuUsage(cpu0);
  if (contract !== undefined) {
    const last = raws.slice(-options.accounts);
    for (const raw of last) {
      const receipt = (await rpc(agent, url, 'eth_getTransactionReceipt', [keccak256(raw)])) as {
        status?: string;
      } | null;
      if (receipt !== null && receipt.status !== '0x1')
        throw new Error(
          `bare sender: Probe.set ${keccak256(raw)} reverted (receipt status ${receipt.status})`,
        );
    }
  }
  agent.destroy();
  const windowS = (lastAtMs - startMs) / 1_000;
  return {
    workload,
    sent: raws.length,
    accepted,
    committed,
    windowS,
    committedTps: windowS > 0 ? committed / windowS : 0,
    cpuS: (cpu.user + cpu.system) / 1e6,
    maxRssMb: maxRss / 2 ** 20,
  };
}

/** Deploys the Probe contract from `account` (its nonce 0) and waits up to 10 s for its receipt. */
async function deployProbe(
  agent: Agent,
  url: URL,
  account: ReturnType<typeof privateKeyToAccount>,
  gasPrice: bigint,
  chainId: number,
): Promise<Hex> {
  const raw = await account.signTransaction({
    data: loadProbeArtifact().bytecode as Hex,
    gas: 500_000n,
    gasPrice,
    nonce: 0,
    chainId,
    type: 'legacy',
  });
  const hash = await rpc(agent, url, 'eth_sendRawTransaction', [raw]);
  if (typeof hash !== 'string')
    throw new Error(`bare sender: Probe deployment refused: ${JSON.stringify(hash)}`);
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const receipt = (await rpc(agent, url, 'eth_getTransactionReceipt', [hash])) as {
      status?: string;
      contractAddress?: Hex | null;
    } | null;
    if (receipt !== null) {
      if (receipt.status !== '0x1' || !receipt.contractAddress)
        throw new Error(`bare sender: Probe deployment ${hash} did not create a contract`);
      return receipt.contractAddress;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bare sender: Probe deployment ${hash} not included within 10 s`);
}
