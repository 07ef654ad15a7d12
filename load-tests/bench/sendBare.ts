import { Agent, request } from 'node:http';
import { type Hex, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export interface BareSenderResult {
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
 */
export async function sendBare(
  rpcUrl: string,
  options: {
    readonly transfers: number;
    readonly accounts: number;
    readonly inFlight: number;
    readonly drainS: number;
  },
): Promise<BareSenderResult> {
  const url = new URL(rpcUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.inFlight });
  const keys = Array.from({ length: options.accounts }, (_, i) =>
    keccak256(toHex(`chaineval-bench-bare-${i}`)),
  );
  const accounts = keys.map((k) => privateKeyToAccount(k));
  for (const a of accounts) await rpc(agent, url, 'anvil_setBalance', [a.address, '0x3635C9ADC5DEA00000']);
  const gasPrice = BigInt((await rpc(agent, url, 'eth_gasPrice', [])) as string) * 2n;
  const chainId = Number(BigInt((await rpc(agent, url, 'eth_chainId', [])) as string));
  const raws: Hex[] = [];
  const perAccount = Math.ceil(options.transfers / options.accounts);
  for (let n = 0; n < perAccount; n++) {
    for (const a of accounts) {
      if (raws.length >= options.transfers) break;
      raws.push(
        await a.signTransaction({
          to: a.address,
          value: 1n,
          gas: 21_000n,
          gasPrice,
          nonce: n,
          chainId,
          type: 'legacy',
        }),
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
  agent.destroy();
  const windowS = (lastAtMs - startMs) / 1_000;
  return {
    sent: raws.length,
    accepted,
    committed,
    windowS,
    committedTps: windowS > 0 ? committed / windowS : 0,
    cpuS: (cpu.user + cpu.system) / 1e6,
    maxRssMb: maxRss / 2 ** 20,
  };
}
