import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * Checks `--target` before anything starts: an http(s) URL with a host. The message shows the value
 * without what may be credentials (before an "@") or tokens (after a "?").
 */
export function parseTargetUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    // Whatever precedes an "@" may be credentials; the rest is what the operator needs to see.
    const visible = raw.includes('@') ? `***@${raw.slice(raw.lastIndexOf('@') + 1)}` : raw;
    const shown = `"${visible.split('?')[0]?.slice(0, 80)}"`;
    throw new ConfigError(
      `--target must be an http:// or https:// URL with a host, like http://127.0.0.1:8545 (got ${shown})`,
    );
  }
  return raw;
}
