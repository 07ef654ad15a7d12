import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileProbe } from './compileProbe.ts';

/** `npm run build:contracts`: rebuilds build/Probe.json; commit the result with any change to Probe.sol. */
const artifact = compileProbe();
const target = fileURLToPath(new URL('./build/Probe.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(artifact, null, 2)}\n`);
console.log(
  `wrote ${target} (solc ${artifact.compiler.version}, ${(artifact.bytecode.length - 2) / 2} bytes)`,
);
