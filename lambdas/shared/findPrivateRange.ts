import { BlockList, isIP } from 'node:net';

export interface PrivateRange {
  readonly cidr: string;
  readonly label: string;
}

/**
 * Special-purpose ranges a cloud run must not reach (IANA registries, RFC 6890): private networks,
 * loopback (the Lambda runtime API listens on 127.0.0.1), link-local (instance metadata at
 * 169.254.169.254 and fd00:ec2::254), and ranges that are never a public chain endpoint.
 */
const ranges: readonly (PrivateRange & { readonly family: 'ipv4' | 'ipv6' })[] = [
  { family: 'ipv4', cidr: '0.0.0.0/8', label: '"this network" (RFC 791)' },
  { family: 'ipv4', cidr: '10.0.0.0/8', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '100.64.0.0/10', label: 'shared address space (RFC 6598)' },
  { family: 'ipv4', cidr: '127.0.0.0/8', label: 'loopback (RFC 1122)' },
  { family: 'ipv4', cidr: '169.254.0.0/16', label: 'link-local (RFC 3927)' },
  { family: 'ipv4', cidr: '172.16.0.0/12', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '192.0.0.0/24', label: 'IETF protocol assignments (RFC 6890)' },
  { family: 'ipv4', cidr: '192.168.0.0/16', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '198.18.0.0/15', label: 'benchmarking (RFC 2544)' },
  { family: 'ipv4', cidr: '224.0.0.0/4', label: 'multicast (RFC 5771)' },
  { family: 'ipv4', cidr: '240.0.0.0/4', label: 'reserved (RFC 1112)' },
  { family: 'ipv6', cidr: '::/128', label: 'unspecified (RFC 4291)' },
  { family: 'ipv6', cidr: '::1/128', label: 'loopback (RFC 4291)' },
  // Deprecated IPv4-compatible form (::a.b.c.d): treated as private rather than decoded.
  { family: 'ipv6', cidr: '::/96', label: 'IPv4-compatible (RFC 4291, deprecated)' },
  // NAT64 embeds an IPv4 address that may be private (RFC 6052); refused rather than decoded.
  { family: 'ipv6', cidr: '64:ff9b::/96', label: 'NAT64 (RFC 6052)' },
  { family: 'ipv6', cidr: 'fc00::/7', label: 'unique local (RFC 4193)' },
  { family: 'ipv6', cidr: 'fe80::/10', label: 'link-local (RFC 4291)' },
  { family: 'ipv6', cidr: 'ff00::/8', label: 'multicast (RFC 4291)' },
];

const lists = ranges.map((range) => {
  const [network = '', prefix = ''] = range.cidr.split('/');
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), range.family);
  return { range, list };
});

/**
 * The special-purpose range an IP address falls in, or `undefined` for a public address.
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries (node:net BlockList).
 * Pure: no DNS; the caller resolves names first.
 */
export function findPrivateRange(address: string): PrivateRange | undefined {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`findPrivateRange expects an IP address, got "${address}"`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { range, list } of lists) {
    if (list.check(address, type)) return { cidr: range.cidr, label: range.label };
  }
  return undefined;
}
