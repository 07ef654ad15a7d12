import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { profileJsonSchema } from './profileJsonSchema.ts';

/** `npm run build:schemas`: rewrites profiles/profile.schema.json from the zod schema. */
const target = fileURLToPath(new URL('./profile.schema.json', import.meta.url));
writeFileSync(target, profileJsonSchema());
console.log(`wrote ${target}`);
