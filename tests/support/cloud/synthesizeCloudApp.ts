import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface SynthesizedApp {
  /** The cloud assembly folder (the `cdk.out` of this synth). */
  readonly outDir: string;
  /** The stack's CloudFormation template, as synthesized. */
  readonly template: CfnTemplate;
}

export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, CfnResource>>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Metadata?: Readonly<Record<string, unknown>>;
}

/**
 * `npx cdk synth` of the project's app (cdk.json), offline, into `outDir`, with extra context
 * (`-c key=value`): the same command an operator runs before `cdk deploy`, including the esbuild
 * bundling of every Lambda. Bounded: a synth that takes longer than `timeoutMs` is killed.
 */
export async function synthesizeCloudApp(
  outDir: string,
  context: Readonly<Record<string, string>>,
  { stackName = 'Chaineval', timeoutMs = 240_000 } = {},
): Promise<SynthesizedApp> {
  const cdk = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');
  const args = [cdk, 'synth', '--quiet', '--output', outDir];
  for (const [key, value] of Object.entries(context)) args.push('--context', `${key}=${value}`);
  try {
    await promisify(execFile)(process.execPath, args, {
      cwd: projectRoot,
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 16 * 1024 * 1024,
      // No version check, notices or telemetry: synth must work with no network (toolchain.md).
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    throw new Error(`cdk synth failed:\n${`${stdout}\n${stderr}`.trim().slice(-4_000)}`, { cause: error });
  }
  const template = JSON.parse(
    await readFile(join(outDir, `${stackName}.template.json`), 'utf8'),
  ) as CfnTemplate;
  return { outDir, template };
}
