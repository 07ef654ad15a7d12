import { BlockList, isIP } from 'node:net';

/** The stack's allow-list of private targets (`allowedTargetHosts`), ready to match. */
export interface TargetAllowList {
  /** Whether the URL's host (a lower-case name, or an IP literal) is listed, by name, address or range. */
  allowsHost(host: string): boolean;
  /** Whether an address the host resolved to is listed, as an address or inside a listed range. */
  allowsAddress(address: string): boolean;
}

/** `10.0.0.0/24`, `fd00::/8`: an IP network in CIDR notation. */
function parseCidr(entry: string): { network: string; prefix: number; family: 4 | 6 } | undefined {
  const [network = '', prefixText, ...rest] = entry.split('/');
  const family = isIP(network);
  if (prefixText === undefined || rest.length > 0 || family === 0 || !/^\d{1,3}$/.test(prefixText)) {
    return undefined;
  }
  const prefix = Number(prefixText);
  return prefix <= (family === 4 ? 32 : 128) ? { network, prefix, family: family === 4 ? 4 : 6 } : undefined;
}

/**
 * Entries are host names, IP addresses or CIDR ranges, lower case (readLambdaEnv). A name only says
 * which URLs may name a private target; the addresses it resolves to must be listed as well
 * (issue 10: an allow-listed name that DNS answers with 169.254.169.254 is still refused).
 */
export function parseTargetAllowList(entries: readonly string[]): TargetAllowList {
  const names = new Set<string>();
  const addresses = new BlockList();
  for (const entry of entries) {
    const family = isIP(entry);
    const cidr = family === 0 ? parseCidr(entry) : undefined;
    if (family !== 0) addresses.addAddress(entry, family === 4 ? 'ipv4' : 'ipv6');
    else if (cidr) addresses.addSubnet(cidr.network, cidr.prefix, cidr.family === 4 ? 'ipv4' : 'ipv6');
    else names.add(entry);
  }
  const allowsAddress = (address: string): boolean => {
    const family = isIP(address);
    return family !== 0 && addresses.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return {
    allowsHost: (host) => names.has(host) || allowsAddress(host),
    allowsAddress,
  };
}
