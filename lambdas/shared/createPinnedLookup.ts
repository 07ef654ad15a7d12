import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** A lookup error shaped as node:dns reports one, so the transport reports the target unreachable. */
function notFound(hostname: string, why: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (${why})`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname,
  });
}

/**
 * A `lookup` for net and http(s) agents that answers `host` with exactly the addresses the target
 * guard checked, and refuses every other name: the transport connects to what was checked, with no
 * second DNS resolution a rebinding answer could change (issue 10, deliverable 6). Honours
 * `family` and `all` as dns.lookup does (Node's autoSelectFamily asks for `all`).
 */
export function createPinnedLookup(host: string, addresses: readonly string[]): LookupFunction {
  const records: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
  return (hostname, options, callback) => {
    const name = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
    const answer = records.filter((r) => family === 0 || r.family === family);
    process.nextTick(() => {
      if (name !== host) {
        callback(notFound(hostname, `only the checked target host "${host}" may be connected to`), '', 0);
      } else if (answer.length === 0) {
        callback(notFound(hostname, `no checked IPv${family} address`), '', 0);
      } else if (options.all) {
        callback(null, answer);
      } else {
        callback(null, answer[0]?.address ?? '', answer[0]?.family ?? 0);
      }
    });
  };
}
