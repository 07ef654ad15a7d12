import { describe, expect, it } from 'vitest';
import { findPrivateRange } from './findPrivateRange.ts';

describe('findPrivateRange', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/8'],
    ['10.1.2.3', '10.0.0.0/8'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.168.0.1', '192.168.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['100.64.0.1', '100.64.0.0/10'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['224.0.0.1', '224.0.0.0/4'],
    ['255.255.255.255', '240.0.0.0/4'],
    ['::1', '::1/128'],
    ['::', '::/128'],
    ['fd00:ec2::254', 'fc00::/7'],
    ['fe80::1', 'fe80::/10'],
    ['ff02::1', 'ff00::/8'],
    ['64:ff9b::a00:1', '64:ff9b::/96'],
    ['::ffff:127.0.0.1', '127.0.0.0/8'],
    ['::ffff:a00:5', '10.0.0.0/8'],
    // Documentation ranges are never a real endpoint.
    ['192.0.2.10', '192.0.2.0/24'],
    ['198.51.100.7', '198.51.100.0/24'],
    ['203.0.113.99', '203.0.113.0/24'],
    ['2001:db8::1', '2001:db8::/32'],
    ['3fff:0:1::1', '3fff::/20'],
    // Every IPv6 form that carries an IPv4 address is refused, whatever the IPv4 inside.
    ['::ffff:8.8.8.8', '::ffff:0:0/96'],
    ['::ffff:0:7f00:1', '::ffff:0:0:0/96'],
    ['::ffff:0:808:808', '::ffff:0:0:0/96'],
    ['::7f00:1', '::/96'],
    ['64:ff9b::808:808', '64:ff9b::/96'],
    ['64:ff9b:1::a00:1', '64:ff9b:1::/48'],
    ['2002:7f00:1::1', '2002::/16'],
    ['2002:808:808::1', '2002::/16'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001::/32'],
    ['192.88.99.1', '192.88.99.0/24'],
  ])('puts %s in %s', (address, cidr) => {
    expect(findPrivateRange(address)?.cidr).toBe(cidr);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
  ])('finds no range for the public address %s', (address) => {
    expect(findPrivateRange(address)).toBeUndefined();
  });

  it('throws on something that is not an IP address', () => {
    expect(() => findPrivateRange('localhost')).toThrow(/expects an IP address, got "localhost"/);
  });
});
