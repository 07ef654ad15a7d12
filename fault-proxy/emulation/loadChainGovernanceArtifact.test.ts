import { toEventSelector, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { governanceInterfaceAbi } from '#adapters/evm/governanceInterfaceAbi.ts';
import { loadChainGovernanceArtifact } from './loadChainGovernanceArtifact.ts';

describe('the emulated governance contract', () => {
  // The adapter speaks governanceInterfaceAbi; the emulation must implement every member of it.
  it('implements every function and event of the interface the EVM adapter speaks', () => {
    const built = loadChainGovernanceArtifact().abi;
    const selectors = (abi: readonly unknown[]) =>
      abi.flatMap((entry) => {
        const e = entry as { type: string };
        if (e.type === 'function') return [toFunctionSelector(entry as never)];
        if (e.type === 'event') return [toEventSelector(entry as never)];
        return [];
      });
    expect(selectors(built)).toEqual(expect.arrayContaining(selectors(governanceInterfaceAbi)));
  });
});
