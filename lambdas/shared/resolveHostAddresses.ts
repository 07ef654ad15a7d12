import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TargetUnreachableError } from '#core/errors/TargetError.ts';

/** Every address a host name resolves to (an IP literal resolves to itself), for assertTargetAllowed. */
export async function resolveHostAddresses(host: string): Promise<string[]> {
  if (isIP(host) !== 0) return [host];
  try {
    const records = await lookup(host, { all: true, verbatim: true });
    return records.map((r) => r.address);
  } catch (error) {
    throw new TargetUnreachableError(`target host "${host}" does not resolve; check the URL`, {
      cause: error,
    });
  }
}
