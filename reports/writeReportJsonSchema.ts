import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from './reportJsonSchema.ts';

/** `npm run build:schemas`: rewrites reports/schema/report.schema.json from the zod schema. */
const target = fileURLToPath(new URL('./schema/report.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('./schema/', import.meta.url)), { recursive: true });
writeFileSync(target, reportJsonSchema());
console.log(`wrote ${target}`);
