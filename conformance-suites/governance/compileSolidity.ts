import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { z } from 'zod';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { probeCompilerSettings } from '../contracts/compileProbe.ts';
import { type SolidityArtifact, SolidityArtifactSchema } from './SolidityArtifactSchema.ts';

const SolcOutputSchema = z.object({
  errors: z.array(z.object({ severity: z.string(), formattedMessage: z.string() })).optional(),
  contracts: z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.object({
          abi: z.array(z.unknown()),
          evm: z.object({
            bytecode: z.object({ object: z.string() }),
            deployedBytecode: z.object({ object: z.string() }),
          }),
        }),
      ),
    )
    .optional(),
});

/**
 * Compiles contract `contractName` of `sourcePath` (relative to the repository root) with the
 * installed solc and the probe's pinned settings (paris EVM, no metadata hash: same bytes on every
 * rebuild, deployable on chains that lag mainnet forks).
 */
export function compileSolidity(sourcePath: string, contractName: string): SolidityArtifact {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const source = readFileSync(resolve(root, sourcePath), 'utf8');
  const file = basename(sourcePath);
  const input = {
    language: 'Solidity',
    sources: { [file]: { content: source } },
    settings: probeCompilerSettings,
  };
  const output = SolcOutputSchema.parse(JSON.parse(solc.compile(JSON.stringify(input))));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  const compiled = output.contracts?.[file]?.[contractName];
  if (errors.length > 0 || compiled === undefined) {
    throw new EnvironmentError(`solc ${solc.version()} could not compile ${sourcePath}`, {
      details:
        errors.map((e) => e.formattedMessage).join('\n') || `no contract "${contractName}" in the output`,
    });
  }
  return SolidityArtifactSchema.parse({
    contractName,
    sourcePath,
    sourceSha256: createHash('sha256').update(source).digest('hex'),
    compiler: { name: 'solc', version: solc.version(), settings: probeCompilerSettings },
    abi: compiled.abi,
    bytecode: `0x${compiled.evm.bytecode.object}`,
    deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
  });
}
