import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSolidity } from './compileSolidity.ts';
import { governanceContracts } from './governanceContracts.ts';

/**
 * `npx tsx conformance-suites/governance/buildGovernanceContracts.ts`: rebuilds the committed
 * artifacts; commit them with any change to the sources (compileSolidity.test.ts compares them).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
for (const contract of governanceContracts) {
  const artifact = compileSolidity(contract.sourcePath, contract.contractName);
  writeFileSync(resolve(root, contract.buildPath), `${JSON.stringify(artifact, null, 2)}\n`);
  console.log(`wrote ${contract.buildPath} (${(artifact.bytecode.length - 2) / 2} bytes)`);
}
