/**
 * `npm run docs:checks`: docs/checks.md, every check of the jrt-0193-2020 profile with its catalogue
 * id, clauses, what it needs and the faults it is shown to catch. scripts/checksDoc.test.ts keeps it
 * in step with the registry.
 */
import { writeFileSync } from 'node:fs';
import { renderChecksDoc } from './renderChecksDoc.ts';

writeFileSync(new URL('../docs/checks.md', import.meta.url), renderChecksDoc());
process.stdout.write('wrote docs/checks.md\n');
