/** What a secret is replaced with wherever it would appear. */
export const scrubbedMark = '***';

/** Shorter than this, a "secret" would also match ordinary words and numbers. */
const minSecretLength = 4;

/**
 * A function that masks the secrets of an endpoint URL — user name, password, query values,
 * fragment and key-like path segments — in any text: the safety net behind redactUrl for strings the
 * harness did not build itself (an error a library formatted, an answer echoing the request).
 * Applied to everything the CLI prints and everything it stores.
 */
export function createSecretScrubber(rawUrls: readonly string[]): (text: string) => string {
  const secrets = new Set<string>();
  for (const raw of rawUrls) {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
      // Not an endpoint URL: the whole string is the secret we cannot take apart.
      secrets.add(raw);
      continue;
    }
    for (const value of [url.username, url.password, url.hash.slice(1)]) secrets.add(decodeSafe(value));
    for (const value of [url.username, url.password]) secrets.add(value);
    for (const [, value] of url.searchParams) secrets.add(value);
    for (const segment of url.pathname.split('/'))
      if (/^[A-Za-z0-9_-]{16,}$/.test(segment)) secrets.add(segment);
  }
  const list = [...secrets].filter((s) => s.length >= minSecretLength).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of list) out = out.split(secret).join(scrubbedMark);
    return out;
  };
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
