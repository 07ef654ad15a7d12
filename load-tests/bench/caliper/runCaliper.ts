import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnService } from '#cli/embedded/spawnService.ts';
import { startAnvil } from '#cli/embedded/startAnvil.ts';
import { installCaliper } from './installCaliper.ts';
import { type CaliperRound, parseCaliperResults } from './parseCaliperResults.ts';
import { watchProcessTree } from './watchProcessTree.ts';
import { writeCaliperWorkspace } from './writeCaliperWorkspace.ts';

const run = promisify(execFile);

export interface CaliperBenchOptions {
  /** Where Caliper is installed on first use (outside git). */
  readonly installDir: string;
  readonly chain: { readonly blockTimeS: number; readonly gasLimit: bigint };
  readonly workers: number;
  readonly txPerRound: number;
  readonly transactionLoad: number;
  /** Caliper's whole process tree is killed after this long. */
  readonly hardLimitMs: number;
  readonly log: (line: string) => void;
}

export type CaliperBenchResult =
  | { readonly ran: false; readonly reason: string }
  | {
      readonly ran: true;
      readonly rounds: readonly CaliperRound[];
      /** CPU of Caliper's process tree from its first "Started round" log line to its last "Finished round". */
      readonly cpuRoundsS: number;
      /** CPU of the whole tree, start-up and contract deployment included. */
      readonly cpuTotalS: number;
      /** Highest sum of the tree's resident memory. */
      readonly peakRssMb: number;
      /** Transactions in the blocks Caliper's run produced (ground truth; the deployment included). */
      readonly onChainTx: number;
      readonly wallS: number;
      /** Caliper's own HTML report of the run (rewritten by each run). */
      readonly reportPath: string;
      /** Set when Caliper did not finish on its own (killed at the hard limit, or a non-zero exit). */
      readonly incomplete?: string;
    };

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const answer = (await response.json()) as { result?: unknown; error?: { message?: string } };
  if (answer.error !== undefined) throw new Error(`${method}: ${answer.error.message ?? 'error'}`);
  return answer.result;
}

/**
 * Hyperledger Caliper 0.6 with caliper-ethereum (web3 1.3) on the `simple` contract, run as
 * shared/reference/caliper-recipe.md verified on this machine: a fresh anvil (interval mining: its
 * automine stalls under Caliper's load), per-worker accounts derived from fromAddressSeed and funded
 * with anvil_setBalance, `caliper launch manager` with open and transfer rounds at fixed-load. Its
 * figures are read from its own result tables; its CPU and memory from /proc over its process tree.
 * An install that fails (offline) is a result saying why, so the rest of the bench still runs.
 */
export async function runCaliper(options: CaliperBenchOptions): Promise<CaliperBenchResult> {
  let install: Awaited<ReturnType<typeof installCaliper>>;
  try {
    const t0 = Date.now();
    install = await installCaliper(options.installDir, options.log);
    if (install.installedNow)
      options.log(
        `  caliper installed in ${Math.round((Date.now() - t0) / 1_000)} s (${options.installDir})`,
      );
  } catch (error) {
    return { ran: false, reason: `install failed: ${(error as Error).message}` };
  }
  let anvil: Awaited<ReturnType<typeof startAnvil>>;
  try {
    anvil = await startAnvil(options.chain);
  } catch (error) {
    return { ran: false, reason: `its anvil did not start: ${(error as Error).message.split('\n')[0]}` };
  }
  try {
    const ws = await writeCaliperWorkspace(join(install.dir, 'workspace'), {
      port: anvil.port,
      workers: options.workers,
      txPerRound: options.txPerRound,
      transactionLoad: options.transactionLoad,
    });
    await run(process.execPath, [ws.compileScript], { cwd: ws.dir, timeout: 60_000 });
    const { stdout } = await run(
      process.execPath,
      [ws.workerAddressesScript, ws.networkConfig, String(options.workers)],
      { cwd: ws.dir, timeout: 30_000 },
    );
    const addresses = JSON.parse(stdout) as string[];
    for (const address of addresses) {
      await rpc(anvil.url, 'anvil_setBalance', [address, '0x3635C9ADC5DEA00000']);
      if (BigInt((await rpc(anvil.url, 'eth_getBalance', [address, 'latest'])) as string) === 0n)
        throw new Error(`Caliper worker account ${address} could not be funded`);
    }
    const fromHeight = BigInt((await rpc(anvil.url, 'eth_blockNumber', [])) as string);

    const lines: string[] = [];
    let cpuAtFirstRound: number | undefined;
    let cpuAtLastRound: number | undefined;
    let watch: ReturnType<typeof watchProcessTree> | undefined;
    const startedMs = Date.now();
    const caliper = await spawnService({
      name: 'caliper',
      command: process.execPath,
      args: [
        install.cliPath,
        'launch',
        'manager',
        '--caliper-workspace',
        '.',
        '--caliper-networkconfig',
        ws.networkConfig,
        '--caliper-benchconfig',
        ws.benchConfig,
        '--caliper-flow-skip-start',
        '--caliper-flow-skip-end',
      ],
      cwd: ws.dir,
      onLine(line) {
        lines.push(line);
        if (watch === undefined) return;
        if (cpuAtFirstRound === undefined && /Started round 1\b/.test(line))
          cpuAtFirstRound = watch.sample().cpuS;
        if (/Finished round \d+/.test(line)) cpuAtLastRound = watch.sample().cpuS;
      },
    });
    watch = watchProcessTree(caliper.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      caliper.kill();
    }, options.hardLimitMs);
    const code = await caliper.exited;
    clearTimeout(timer);
    const usage = watch.stop();
    const wallS = (Date.now() - startedMs) / 1_000;
    const toHeight = BigInt((await rpc(anvil.url, 'eth_blockNumber', [])) as string);
    let onChainTx = 0;
    for (let h = fromHeight + 1n; h <= toHeight; h++) {
      onChainTx += Number(
        BigInt(
          (await rpc(anvil.url, 'eth_getBlockTransactionCountByNumber', [`0x${h.toString(16)}`])) as string,
        ),
      );
    }
    const rounds = parseCaliperResults(lines.join('\n'));
    const incomplete = timedOut
      ? `killed after the ${options.hardLimitMs / 1_000} s limit`
      : code !== 0
        ? `caliper exited with code ${code}: ${
            lines
              .filter((l) => /error/i.test(l))
              .at(-1)
              ?.trim() ?? caliper.output().trim().split('\n').at(-1)
          }`
        : rounds.length === 0
          ? 'no result table in its output'
          : undefined;
    return {
      ran: true,
      rounds,
      cpuRoundsS:
        cpuAtFirstRound !== undefined && cpuAtLastRound !== undefined
          ? cpuAtLastRound - cpuAtFirstRound
          : usage.cpuS,
      cpuTotalS: usage.cpuS,
      peakRssMb: usage.peakRssMb,
      onChainTx,
      wallS,
      reportPath: join(ws.dir, 'report.html'),
      ...(incomplete !== undefined ? { incomplete } : {}),
    };
  } catch (error) {
    return { ran: false, reason: (error as Error).message.split('\n')[0] ?? 'unknown error' };
  } finally {
    await anvil.stop();
  }
}
