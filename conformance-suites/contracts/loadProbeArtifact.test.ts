import { decodeFunctionData, encodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import probeJson from './build/Probe.json' with { type: 'json' };
import { loadProbeArtifact, parseProbeArtifact } from './loadProbeArtifact.ts';

describe('loadProbeArtifact', () => {
  it('loads the committed build with bytecode and the functions the checks call', () => {
    const artifact = loadProbeArtifact();
    expect(artifact.bytecode).toMatch(/^0x[0-9a-f]+$/);
    const data = encodeFunctionData({ abi: artifact.abi, functionName: 'writeThenRevert', args: [7n] });
    expect(decodeFunctionData({ abi: artifact.abi, data })).toEqual({
      functionName: 'writeThenRevert',
      args: [7n],
    });
  });

  it('fails when the ABI lacks a function the checks call', () => {
    const broken = { ...probeJson, abi: probeJson.abi.filter((entry) => entry.name !== 'fail') };
    expect(() => parseProbeArtifact(broken)).toThrow(EnvironmentError);
    expect(() => parseProbeArtifact(broken)).toThrow(/npm run build:contracts/);
  });

  it('fails when the bytecode is not hex', () => {
    expect(() => parseProbeArtifact({ ...probeJson, bytecode: '0xzz' })).toThrow(/bytecode/);
  });

  it('fails when given something that is not an artifact', () => {
    expect(() => parseProbeArtifact({ contractName: 'Other' })).toThrow(EnvironmentError);
  });
});
