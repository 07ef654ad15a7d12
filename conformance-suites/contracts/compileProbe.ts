import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { z } from 'zod';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { type ProbeArtifact, ProbeArtifactSchema } from './ProbeArtifactSchema.ts';

export const probeSourcePath = 'conformance-suites/contracts/Probe.sol';

/**
 * Fixed compiler settings, so a rebuild gives the same bytes (compileProbe.test.ts checks it).
 * - evmVersion "paris": no PUSH0 (Shanghai) or later opcodes, so the probe deploys on permissioned
 *   EVM chains that lag mainnet forks (Besu/FISCO/Hyperchain deployments often run London-era rules).
 * - bytecodeHash "none": no CBOR metadata hash appended, so the bytes do not depend on the file path.
 */
export const probeCompilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'paris',
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
} as const;

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

/** Compiles Probe.sol with the installed `solc` (npm) and returns the artifact the checks load. */
export function compileProbe(): ProbeArtifact {
  const source = readFileSync(fileURLToPath(new URL('./Probe.sol', import.meta.url)), 'utf8');
  const input = {
    language: 'Solidity',
    sources: { 'Probe.sol': { content: source } },
    settings: probeCompilerSettings,
  };
  const output = SolcOutputSchema.parse(JSON.parse(solc.compile(JSON.stringify(input))));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  const compiled = output.contracts?.['Probe.sol']?.Probe;
  if (errors.length > 0 || compiled === undefined) {
    throw new EnvironmentError(`solc ${solc.version()} could not compile ${probeSourcePath}`, {
      details: errors.map((e) => e.formattedMessage).join('\n') || 'no contract "Probe" in the output',
    });
  }
  return ProbeArtifactSchema.parse({
    contractName: 'Probe',
    sourcePath: probeSourcePath,
    sourceSha256: createHash('sha256').update(source).digest('hex'),
    compiler: { name: 'solc', version: solc.version(), settings: probeCompilerSettings },
    abi: compiled.abi,
    bytecode: `0x${compiled.evm.bytecode.object}`,
    deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
  });
}
