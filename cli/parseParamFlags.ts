import { ConfigError } from '#core/errors/ConfigError.ts';
import { type ProfileParameters, ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';

/**
 * Turns `--param key=value` flags (values as JSON where they parse, strings otherwise) and the
 * dedicated flags into validated profile parameters. Unknown keys are errors, not silently ignored.
 */
export function parseParamFlags(
  pairs: readonly string[],
  overrides: Record<string, unknown>,
): ProfileParameters {
  const input: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new ConfigError(`--param "${pair}" must look like key=value, e.g. --param ledgerSampleBlocks=64`);
    const key = pair.slice(0, at);
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: keep the string
    }
    input[key] = value;
  }
  Object.assign(input, overrides);
  const parsed = ProfileParametersSchema.strict().safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path.join('.') || (issue && 'keys' in issue ? String(issue.keys) : '');
  const known = Object.keys(ProfileParametersSchema.shape).join(', ');
  throw new ConfigError(
    issue?.code === 'unrecognized_keys'
      ? `unknown parameter ${key}; known parameters: ${known}`
      : `parameter ${key}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(input[key])})`,
  );
}
