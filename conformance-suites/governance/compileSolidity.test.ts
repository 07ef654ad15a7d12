import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileSolidity } from './compileSolidity.ts';
import { governanceContracts } from './governanceContracts.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('compileSolidity', () => {
  // A source edited without rebuilding (buildGovernanceContracts.ts) fails here.
  it.each(governanceContracts.map((c) => [c.contractName, c] as const))(
    'rebuilds the committed %s artifact byte for byte',
    (_, contract) => {
      const committed: unknown = JSON.parse(readFileSync(resolve(root, contract.buildPath), 'utf8'));
      expect(JSON.parse(JSON.stringify(compileSolidity(contract.sourcePath, contract.contractName)))).toEqual(
        committed,
      );
    },
  );
});
