import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CaliperWorkspaceOptions {
  /** The anvil Caliper talks to: caliper-ethereum accepts only ws:// (anvil serves it on its HTTP port). */
  readonly port: number;
  readonly workers: number;
  /** Transactions per round, split across the workers by Caliper. */
  readonly txPerRound: number;
  /** fixed-load rate control: transactions Caliper keeps outstanding (the recipe's "hi" setting is 1,000). */
  readonly transactionLoad: number;
}

/** The paths, relative to the workspace, that `caliper launch manager` is given. */
export interface CaliperWorkspace {
  readonly dir: string;
  readonly networkConfig: string;
  readonly benchConfig: string;
  readonly compileScript: string;
  readonly workerAddressesScript: string;
}

/**
 * caliper-benchmarks' `simple` contract (shared/reference/caliper-recipe.md): open writes a fresh
 * mapping entry, transfer rewrites two. The contract workload chaineval's loadWorkload
 * "contract-write" is compared with.
 */
const simpleSol = `// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;
contract simple {
    mapping(string => int) private accounts;
    function open(string memory acc_id, int amount) public { accounts[acc_id] = amount; }
    function query(string memory acc_id) public view returns (int amount) { amount = accounts[acc_id]; }
    function transfer(string memory acc_from, string memory acc_to, int amount) public { accounts[acc_from] -= amount; accounts[acc_to] += amount; }
}
`;

/** Writes src/simple.json in the shape caliper-ethereum require()s: {name, abi, bytecode, gas}. */
const compileCjs = `'use strict';
// node src/compile.cjs -> src/simple.json (written by chaineval's load-tests/bench/caliper/writeCaliperWorkspace.ts)
const solc = require('solc');
const fs = require('fs');
const path = require('path');
const input = {
  language: 'Solidity',
  sources: { 'simple.sol': { content: fs.readFileSync(path.join(__dirname, 'simple.sol'), 'utf8') } },
  settings: { evmVersion: 'paris', optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
if (out.errors && out.errors.some((e) => e.severity === 'error')) { console.error(JSON.stringify(out.errors)); process.exit(1); }
const c = out.contracts['simple.sol'].simple;
fs.writeFileSync(path.join(__dirname, 'simple.json'), JSON.stringify({ name: 'simple', abi: c.abi, bytecode: '0x' + c.evm.bytecode.object, gas: 3000000 }, null, 2));
console.log('solc', solc.version(), 'bytecode bytes', c.evm.bytecode.object.length / 2);
`;

/** The recipe's workload module: op = open | transfer (roundArguments.op), accounts per worker. */
const simpleWorkloadJs = `'use strict';
// Caliper 0.6 workload module for the 'simple' contract (written by chaineval's bench)
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
class SimpleWorkload extends WorkloadModuleBase {
  async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
    await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
    this.op = roundArguments.op;
    this.n = 0;
    this.accountsPerWorker = roundArguments.accountsPerWorker || 1000;
  }
  acc(i) { return 'w' + this.workerIndex + '_' + i; }
  async submitTransaction() {
    const i = this.n++;
    let req;
    if (this.op === 'open') req = { contract: 'simple', verb: 'open', args: [this.acc(i), 1000000], readOnly: false };
    else { const a = i % this.accountsPerWorker, b = (i * 7 + 1) % this.accountsPerWorker; req = { contract: 'simple', verb: 'transfer', args: [this.acc(a), this.acc(b), 1], readOnly: false }; }
    return this.sutAdapter.sendRequests(req);
  }
}
module.exports.createWorkloadModule = () => new SimpleWorkload();
`;

/**
 * Prints, as JSON, the accounts caliper-ethereum derives per worker from fromAddressSeed
 * (m/44'/60'/<workerIndex>'/0/0), with the same library it uses, so the bench funds exactly those.
 */
const workerAddressesCjs = `'use strict';
// node worker-addresses.cjs <networkconfig.json> <workers> -> ["0x…", …]
const EthereumHDKey = require('ethereumjs-wallet/hdkey');
const cfg = require(require('path').resolve(process.argv[2])).ethereum;
const out = [];
for (let w = 0; w < Number(process.argv[3]); w++) {
  out.push(EthereumHDKey.fromMasterSeed(cfg.fromAddressSeed).derivePath("m/44'/60'/" + w + "'/0/0").getWallet().getChecksumAddressString());
}
console.log(JSON.stringify(out));
`;

/** anvil's dev account #0 deploys the contract (Caliper's "install" step). */
const deployer = {
  address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
};
/** The recipe's seed: with more than one worker a shared fromAddress would clash on nonces. */
const fromAddressSeed = '0x3f841bf589fdf83a521e55d51afddc34fa65351161eead24f064855fc29c9580';

function networkConfig(port: number): string {
  const config = {
    caliper: { blockchain: 'ethereum' },
    ethereum: {
      url: `ws://127.0.0.1:${port}`,
      contractDeployerAddress: deployer.address,
      contractDeployerAddressPrivateKey: deployer.privateKey,
      fromAddressSeed,
      transactionConfirmationBlocks: 1,
      contracts: {
        simple: {
          path: 'src/simple.json',
          estimateGas: false,
          gas: { open: 100_000, transfer: 100_000, query: 100_000 },
        },
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Two write rounds (open, then transfer over the opened accounts) at fixed-load, no resource
 * monitor: the bench measures Caliper's CPU from /proc itself, and a monitor would only add work to
 * Caliper's manager.
 */
function benchConfig(options: CaliperWorkspaceOptions): string {
  const accountsPerWorker = Math.ceil(options.txPerRound / options.workers);
  const round = (label: string) => `    - label: ${label}
      txNumber: ${options.txPerRound}
      rateControl: { type: fixed-load, opts: { transactionLoad: ${options.transactionLoad} } }
      workload: { module: workload/simple.js, arguments: { op: ${label}, accountsPerWorker: ${accountsPerWorker} } }
`;
  return `test:
  name: simple-anvil
  description: caliper-benchmarks 'simple' contract against anvil (chaineval npm run bench)
  workers:
    number: ${options.workers}
  rounds:
${round('open')}${round('transfer')}`;
}

/**
 * Writes a fresh Caliper workspace (contract, compile script, workload module, network config with
 * the anvil port, benchmark yaml) into `dir`, inside the Caliper install so `require` finds
 * caliper-core, solc and ethereumjs-wallet in its node_modules.
 */
export async function writeCaliperWorkspace(
  dir: string,
  options: CaliperWorkspaceOptions,
): Promise<CaliperWorkspace> {
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, 'workload'), { recursive: true });
  await mkdir(join(dir, 'networks'), { recursive: true });
  await mkdir(join(dir, 'benchmarks'), { recursive: true });
  const files: Record<string, string> = {
    'src/simple.sol': simpleSol,
    'src/compile.cjs': compileCjs,
    'workload/simple.js': simpleWorkloadJs,
    'worker-addresses.cjs': workerAddressesCjs,
    'networks/anvil.json': networkConfig(options.port),
    'benchmarks/simple.yaml': benchConfig(options),
  };
  await Promise.all(Object.entries(files).map(([path, text]) => writeFile(join(dir, path), text)));
  return {
    dir,
    networkConfig: 'networks/anvil.json',
    benchConfig: 'benchmarks/simple.yaml',
    compileScript: 'src/compile.cjs',
    workerAddressesScript: 'worker-addresses.cjs',
  };
}
