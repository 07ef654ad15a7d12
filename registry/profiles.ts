import { type Profile, ProfileSchema } from '#core/profile/ProfileSchema.ts';
import jrt0193 from '#profiles/jrt-0193-2020/profile.json' with { type: 'json' };
import quick from '#profiles/quick/profile.json' with { type: 'json' };

/**
 * The profiles this harness ships, parsed from their data files (profiles/<id>/profile.json).
 * Imported as JSON, not read from disk, so the Lambda bundles carry them.
 */
export const profiles: readonly Profile[] = [jrt0193, quick].map((data) => ProfileSchema.parse(data));
