import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The versions shared/reference/caliper-recipe.md verified on this machine: caliper-cli 0.6.0 bound
 * to caliper-ethereum's web3 1.3 SUT, solc 0.8.28 (solcjs) for the `simple` contract. A folder whose
 * marker names other versions is installed again.
 */
export const caliperVersions = {
  caliperCli: '0.6.0',
  sut: 'ethereum:1.3',
  solc: '0.8.28',
} as const;

const markerFile = 'chaineval-caliper.json';
/** The recipe measured ≈ 55 s in all; a slow registry gets 5 minutes per step, then the bench goes on without Caliper. */
const stepTimeoutMs = 300_000;
/**
 * Per request, for every npm the steps run (`caliper bind` runs its own `npm install`): without it npm
 * waits 5 minutes per unanswered request (its fetch-timeout default) when offline.
 */
const npmEnv = {
  ...process.env,
  npm_config_fetch_timeout: '60000',
  npm_config_fetch_retries: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

export interface CaliperInstall {
  readonly dir: string;
  /** Entry point of caliper-cli, run with `node` so the PID we hold is Caliper's manager, not npx's. */
  readonly cliPath: string;
  /** True when this call installed it (first use), false when the marker said it was already there. */
  readonly installedNow: boolean;
}

/**
 * Installs Caliper into `dir` (outside git: under .chaineval/, which is git-ignored) on first use,
 * exactly as the recipe does, and writes a marker with the versions once every step succeeded;
 * later calls reuse it. Throws with npm's last line when a step fails (offline, registry refused).
 */
export async function installCaliper(dir: string, log: (line: string) => void): Promise<CaliperInstall> {
  const cliPath = join(dir, 'node_modules', '@hyperledger', 'caliper-cli', 'caliper.js');
  const marker = join(dir, markerFile);
  if (existsSync(marker) && existsSync(cliPath)) {
    const recorded = JSON.parse(await readFile(marker, 'utf8')) as Record<string, unknown>;
    if (Object.entries(caliperVersions).every(([k, v]) => recorded[k] === v)) {
      return { dir, cliPath, installedNow: false };
    }
  }
  // A half-done or other-version install is started over, so the marker always describes the folder.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'chaineval-caliper-bench', private: true, license: 'Apache-2.0' }, null, 2)}\n`,
  );
  const step = async (what: string, command: string, args: string[]) => {
    log(`  caliper install: ${what} …`);
    try {
      await run(command, args, { cwd: dir, env: npmEnv, timeout: stepTimeoutMs, maxBuffer: 64 * 2 ** 20 });
    } catch (error) {
      const e = error as { stderr?: string; message: string; killed?: boolean };
      if (e.killed) throw new Error(`${what} did not finish within ${stepTimeoutMs / 60_000} minutes`);
      const lines = (e.stderr ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.includes('Unknown user config'));
      // npm's first message line ("npm error FetchError: request to … failed, reason: connect
      // ECONNREFUSED …") says why; its code/errno lines, stack and log path do not.
      const npmReason = lines
        .map((l) => l.replace(/^npm error\s*/, ''))
        .find(
          (l, i) =>
            lines[i]!.startsWith('npm error') &&
            l !== '' &&
            !/^(code|syscall|errno|at) |^[{}]|^A complete log/.test(l),
        );
      throw new Error(`${what} failed: ${npmReason ?? lines.at(-1) ?? e.message.split('\n')[0]}`);
    }
  };
  await step(`npm i @hyperledger/caliper-cli@${caliperVersions.caliperCli}`, 'npm', [
    'install',
    `@hyperledger/caliper-cli@${caliperVersions.caliperCli}`,
  ]);
  await step(`caliper bind --caliper-bind-sut ${caliperVersions.sut}`, process.execPath, [
    cliPath,
    'bind',
    '--caliper-bind-sut',
    caliperVersions.sut,
  ]);
  await step(`npm i -D solc@${caliperVersions.solc}`, 'npm', [
    'install',
    '-D',
    `solc@${caliperVersions.solc}`,
  ]);
  await writeFile(marker, `${JSON.stringify(caliperVersions, null, 2)}\n`);
  return { dir, cliPath, installedNow: true };
}
