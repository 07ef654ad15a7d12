import { describe, expect, it } from 'vitest';
import { assertTargetAllowed, targetHostOf } from './assertTargetAllowed.ts';
import { TargetNotAllowedError } from './TargetNotAllowedError.ts';

const check =
  (targetUrl: string, resolvedAddresses: string[], allowedHosts: string[] = []) =>
  () =>
    assertTargetAllowed({ targetUrl, resolvedAddresses, allowedHosts });

describe('assertTargetAllowed', () => {
  it('allows a host whose every address is public', () => {
    expect(
      check('https://rpc.example.com/v1/abc', ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']),
    ).not.toThrow();
  });

  it.each([
    [
      'http://127.0.0.1:8545',
      ['127.0.0.1'],
      /"127\.0\.0\.1" is a loopback \(RFC 1122\) address \(127\.0\.0\.0\/8\)/,
    ],
    ['http://[::1]:8545', ['::1'], /"::1" is a loopback/],
    ['http://169.254.169.254/latest', ['169.254.169.254'], /link-local/],
    ['http://[fd00:ec2::254]/', ['fd00:ec2::254'], /unique local/],
    ['http://localhost:8545', ['::1', '127.0.0.1'], /"localhost" resolves to ::1, which is a loopback/],
    [
      'https://rpc.internal.example',
      ['10.0.0.5'],
      /resolves to 10\.0\.0\.5, which is a private \(RFC 1918\)/,
    ],
    [
      'http://[::ffff:192.168.1.1]/',
      ['::ffff:c0a8:101'],
      /private \(RFC 1918\) address \(192\.168\.0\.0\/16\)/,
    ],
  ])('refuses %s', (url, addresses, message) => {
    expect(check(url, addresses)).toThrow(TargetNotAllowedError);
    expect(check(url, addresses)).toThrow(message);
  });

  it('refuses a name with one public and one private address (any private record can be used)', () => {
    expect(check('https://mixed.example', ['93.184.215.14', '10.0.0.5'])).toThrow(/resolves to 10\.0\.0\.5/);
  });

  it('tells the operator how to allow the host', () => {
    expect(check('http://10.0.0.5:8545', ['10.0.0.5'])).toThrow(
      /add "10\.0\.0\.5" to the stack's allowedTargetHosts/,
    );
  });

  it('allows a private host that is on the allow-list with its addresses, matching case-insensitively', () => {
    expect(
      check('http://RPC.Internal.Example:8545', ['10.0.0.5'], ['rpc.internal.example', '10.0.0.5']),
    ).not.toThrow();
    expect(
      check(
        'http://rpc.internal.example:8545',
        ['10.0.0.5', '10.0.0.9'],
        ['rpc.internal.example', '10.0.0.0/24'],
      ),
    ).not.toThrow();
    expect(check('http://[::1]:8545', ['::1'], ['::1'])).not.toThrow();
    expect(check('http://127.0.0.1:8545', ['127.0.0.1'], ['127.0.0.0/8'])).not.toThrow();
  });

  it('refuses an allow-listed name that resolves to an address not on the allow-list (DNS rebinding)', () => {
    expect(check('http://rpc.internal.example', ['10.0.0.5'], ['rpc.internal.example'])).toThrow(
      /"rpc\.internal\.example" resolves to 10\.0\.0\.5, which is a private \(RFC 1918\) address \(10\.0\.0\.0\/8\) not on the allow-list/,
    );
    expect(
      check('http://rpc.internal.example', ['169.254.169.254'], ['rpc.internal.example', '10.0.0.0/24']),
    ).toThrow(/resolves to 169\.254\.169\.254, which is a link-local .* not on the allow-list/);
    let refused: unknown;
    try {
      check('http://rpc.internal.example', ['10.0.1.5'], ['rpc.internal.example', '10.0.0.0/24'])();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(TargetNotAllowedError);
    expect((refused as TargetNotAllowedError).details).toMatch(
      /add "10\.0\.1\.5" .* to the stack's allowedTargetHosts/,
    );
  });

  it('does not let an allow-listed address admit a name that is not listed', () => {
    expect(check('http://elsewhere.example', ['10.0.0.5'], ['10.0.0.5'])).toThrow(
      /"elsewhere\.example" resolves to 10\.0\.0\.5/,
    );
  });

  it('refuses IPv6 forms that embed an IPv4 address, and documentation ranges', () => {
    expect(check('http://[::ffff:8.8.8.8]/', ['::ffff:808:808'])).toThrow(/IPv4-mapped \(RFC 4291\)/);
    expect(check('http://[64:ff9b::a9fe:a9fe]/', ['64:ff9b::a9fe:a9fe'])).toThrow(/NAT64/);
    expect(check('http://six.example', ['2002:a9fe:a9fe::1'])).toThrow(/6to4 \(RFC 3056\)/);
    expect(check('http://doc.example', ['192.0.2.1'])).toThrow(/documentation TEST-NET-1/);
    expect(check('http://doc.example', ['2001:db8::1'])).toThrow(/documentation \(RFC 3849\)/);
  });

  it('does not let the allow-list of one host cover another', () => {
    expect(check('http://10.0.0.6:8545', ['10.0.0.6'], ['10.0.0.5'])).toThrow(TargetNotAllowedError);
  });

  it('refuses a host that resolved to nothing, or to something that is not an address', () => {
    expect(check('https://rpc.example.com', [])).toThrow(/resolved to no address/);
    expect(check('https://rpc.example.com', ['rpc.example.com'])).toThrow(/not an IP address/);
  });

  it('refuses schemes other than http and https', () => {
    expect(check('file:///etc/passwd', ['127.0.0.1'])).toThrow(/scheme "file:" is not allowed/);
    expect(check('not a url', [])).toThrow(/is not a valid URL/);
  });
});

describe('targetHostOf', () => {
  it('strips IPv6 brackets and lower-cases, after URL normalisation of numeric hosts', () => {
    expect(targetHostOf('http://[FE80::1]:8545')).toBe('fe80::1');
    expect(targetHostOf('http://2130706433:8545')).toBe('127.0.0.1');
    expect(targetHostOf('https://RPC.Example.com')).toBe('rpc.example.com');
  });
});
