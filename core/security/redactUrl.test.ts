import { describe, expect, it } from 'vitest';
import { redactUrl, unparseableUrl } from './redactUrl.ts';

describe('redactUrl', () => {
  it('removes user info, query and fragment', () => {
    expect(redactUrl('https://user:pa55@rpc.example.com:8545/v1/?apikey=s3cret#x')).toBe(
      'https://rpc.example.com:8545/v1',
    );
  });

  it('keeps a plain endpoint as it is', () => {
    expect(redactUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
  });

  it('fails closed on a string that is not a URL', () => {
    expect(redactUrl('user:pa55@host:8545')).not.toContain('pa55');
    expect(redactUrl('not a url?token=abc')).toBe(unparseableUrl);
  });
});

describe('redactUrl on key-in-path endpoints', () => {
  it('masks path segments shaped like API keys', () => {
    expect(redactUrl('https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef')).toBe(
      'https://mainnet.infura.io/v3/***',
    );
    expect(redactUrl('https://rpc.example.com/rpc')).toBe('https://rpc.example.com/rpc');
  });

  it('refuses schemes that are not http(s) or ws(s)', () => {
    expect(redactUrl('user:pa55@host:8545')).toBe(unparseableUrl);
    expect(redactUrl('file:///etc/passwd')).toBe(unparseableUrl);
  });
});
