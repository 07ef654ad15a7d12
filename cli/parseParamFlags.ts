import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * Turns `--param key=value` flags into raw overrides (values as JSON where they parse, strings
 * otherwise). They are validated against the parameters the profile's checks read when the run is
 * planned (core/profile/resolveParameters.ts), so an unknown key or a bad value is refused there.
 */
export function parseParamFlags(pairs: readonly string[]): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
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
    if (Object.hasOwn(overrides, key)) throw new ConfigError(`--param ${key} is given twice; give it once`);
    overrides[key] = value;
  }
  return overrides;
}
