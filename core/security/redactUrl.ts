/** What a URL that cannot be parsed is shown as: it may hold a secret we cannot locate. */
export const unparseableUrl = '<unparseable URL>';

const knownSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);
/** Path segments shaped like an API key (Infura `/v3/<key>`, Alchemy `/v2/<key>`): long, no separators. */
const tokenLikeSegment = /^[A-Za-z0-9_-]{16,}$/;

/**
 * The endpoint as it may appear in progress lines, errors, reports and the store: user, password,
 * query, fragment and key-like path segments removed (they carry API keys and tokens). Fails
 * closed: anything that is not an http(s)/ws(s) URL with a host is replaced whole.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return unparseableUrl;
  }
  if (!knownSchemes.has(url.protocol) || url.hostname === '') return unparseableUrl;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (tokenLikeSegment.test(segment) ? '***' : segment))
    .join('/');
  return url.toString().replace(/\/$/, '');
}
