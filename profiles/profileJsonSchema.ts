import { z } from 'zod';
import { ProfileSchema } from '#core/profile/ProfileSchema.ts';

/**
 * profiles/profile.schema.json as text: the JSON Schema of a profile file, exported from the zod
 * schema so editors validate profile.json as it is typed. Cross-field rules (every mapped clause
 * exists, every clause is evidenced or says why not) are only in the zod schema.
 */
export function profileJsonSchema(): string {
  const schema = z.toJSONSchema(ProfileSchema, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'chaineval evaluation profile' }, null, 2)}\n`;
}
