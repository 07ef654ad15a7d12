import { BlockList, isIP } from 'node:net';

export interface PrivateRange {
  readonly cidr: string;
  readonly label: string;
}

/**
 * Special-purpose ranges a cloud run must not reach (IANA registries, RFC 6890): private networks,
 * loopback (the Lambda runtime API listens on 127.0.0.1), link-local (instance metadata at
 * 169.254.169.254 and fd00:ec2::254), ranges that are never a public chain endpoint (documentation,
 * benchmarking, multicast), and every IPv6 form that carries an IPv4 address inside it (mapped,
 * translated, compatible, NAT64, 6to4, Teredo): such an address is refused whole, never decoded,
 * because the IPv4 inside may be private and a translator on the path would deliver it there.
 * IPv4 ranges come first, so an IPv4-mapped address is named by the IPv4 range it carries.
 */
const ranges: readonly (PrivateRange & { readonly family: 'ipv4' | 'ipv6' })[] = [
  { family: 'ipv4', cidr: '0.0.0.0/8', label: '"this network" (RFC 791)' },
  { family: 'ipv4', cidr: '10.0.0.0/8', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '100.64.0.0/10', label: 'shared address space (RFC 6598)' },
  { family: 'ipv4', cidr: '127.0.0.0/8', label: 'loopback (RFC 1122)' },
  { family: 'ipv4', cidr: '169.254.0.0/16', label: 'link-local (RFC 3927)' },
  { family: 'ipv4', cidr: '172.16.0.0/12', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '192.0.0.0/24', label: 'IETF protocol assignments (RFC 6890)' },
  { family: 'ipv4', cidr: '192.0.2.0/24', label: 'documentation TEST-NET-1 (RFC 5737)' },
  { family: 'ipv4', cidr: '192.88.99.0/24', label: '6to4 relay anycast (RFC 7526, deprecated)' },
  { family: 'ipv4', cidr: '192.168.0.0/16', label: 'private (RFC 1918)' },
  { family: 'ipv4', cidr: '198.18.0.0/15', label: 'benchmarking (RFC 2544)' },
  { family: 'ipv4', cidr: '198.51.100.0/24', label: 'documentation TEST-NET-2 (RFC 5737)' },
  { family: 'ipv4', cidr: '203.0.113.0/24', label: 'documentation TEST-NET-3 (RFC 5737)' },
  { family: 'ipv4', cidr: '224.0.0.0/4', label: 'multicast (RFC 5771)' },
  { family: 'ipv4', cidr: '240.0.0.0/4', label: 'reserved (RFC 1112)' },
  { family: 'ipv6', cidr: '::/128', label: 'unspecified (RFC 4291)' },
  { family: 'ipv6', cidr: '::1/128', label: 'loopback (RFC 4291)' },
  // IPv6 forms that embed an IPv4 address: refused whole rather than decoded.
  { family: 'ipv6', cidr: '::/96', label: 'IPv4-compatible (RFC 4291, deprecated)' },
  { family: 'ipv6', cidr: '::ffff:0:0/96', label: 'IPv4-mapped (RFC 4291)' },
  { family: 'ipv6', cidr: '::ffff:0:0:0/96', label: 'IPv4-translated (RFC 2765)' },
  { family: 'ipv6', cidr: '64:ff9b::/96', label: 'NAT64 (RFC 6052)' },
  { family: 'ipv6', cidr: '64:ff9b:1::/48', label: 'local-use NAT64 (RFC 8215)' },
  { family: 'ipv6', cidr: '2001::/32', label: 'Teredo (RFC 4380)' },
  { family: 'ipv6', cidr: '2002::/16', label: '6to4 (RFC 3056)' },
  { family: 'ipv6', cidr: '100::/64', label: 'discard-only (RFC 6666)' },
  { family: 'ipv6', cidr: '2001:2::/48', label: 'benchmarking (RFC 5180)' },
  { family: 'ipv6', cidr: '2001:db8::/32', label: 'documentation (RFC 3849)' },
  { family: 'ipv6', cidr: '3fff::/20', label: 'documentation (RFC 9637)' },
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
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is named by the IPv4 range it carries when that range is
 * listed (node:net BlockList matches it), and refused as IPv4-mapped otherwise.
 * Pure: no DNS; the caller resolves names first.
 */
export function findPrivateRange(address: string): PrivateRange | undefined {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`findPrivateRange expects an IP address, got "${address}"`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { range, list } of lists) {
    // BlockList matches IPv4 addresses against IPv6 rules as ::ffff:a.b.c.d: an IPv4 address is
    // judged by the IPv4 ranges only (the IPv4-mapped rule would otherwise refuse them all).
    if (type === 'ipv4' && range.family === 'ipv6') continue;
    if (list.check(address, type)) return { cidr: range.cidr, label: range.label };
  }
  return undefined;
}
