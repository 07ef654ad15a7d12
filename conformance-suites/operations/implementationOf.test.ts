import { describe, expect, it } from 'vitest';
import { implementationOf } from './implementationOf.ts';

describe('implementationOf', () => {
  it.each([
    ['anvil/v1.7.1', 'anvil'],
    ['HardhatNetwork/2.29.1/@nomicfoundation/edr/0.3.8', 'hardhat'],
    ['Ganache/v7.9.2/EthereumJS TestRPC/v7.9.2/ethereum-js', 'ganache'],
    ['Geth/v1.13.5-stable-916d6a44/linux-amd64/go1.21.4', 'geth'],
    ['besu/v23.10.2/linux-x86_64/openjdk-java-17', 'besu'],
    ['Nethermind/v1.25.4+20b10b35/linux-x64/dotnet8.0.2', 'nethermind'],
    ['erigon/2.55.1/linux-amd64/go1.21.5', 'erigon'],
    ['reth/v1.0.0-abc/x86_64-unknown-linux-gnu', 'reth'],
  ])('%s is %s', (answer, name) => {
    expect(implementationOf(answer)).toBe(name);
  });

  it('names nothing for an empty, numeric or non-string answer', () => {
    for (const answer of ['', '   ', '1.2.3', '/x', null, 42, { name: 'geth' }])
      expect(implementationOf(answer), JSON.stringify(answer)).toBeUndefined();
  });
});
