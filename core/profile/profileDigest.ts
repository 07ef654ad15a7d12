import { createHash } from 'node:crypto';
import type { Profile } from './ProfileSchema.ts';

/**
 * `sha256:<hex>` of the profile's content in a canonical form (object keys sorted, no whitespace),
 * recorded in every report so two reports can be told apart when a profile changed without a
 * version bump. Arrays keep their order: clause and check order are content.
 */
export function profileDigest(profile: Profile): string {
  return `sha256:${createHash('sha256').update(canonicalJson(profile)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
