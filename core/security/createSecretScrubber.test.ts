import { describe, expect, it } from 'vitest';
import { createSecretScrubber } from './createSecretScrubber.ts';

describe('createSecretScrubber', () => {
  const scrub = createSecretScrubber([
    'http://chain-user:s3cr%3At-pass@127.0.0.1:8545/v3/0123456789abcdef0123456789abcdef?apikey=tok-123456#frag-secret',
  ]);

  it('masks user, password (raw and decoded), query values, fragment and key-like path segments anywhere in a text', () => {
    const text =
      'POST http://chain-user:s3cr%3At-pass@127.0.0.1:8545/v3/0123456789abcdef0123456789abcdef?apikey=tok-123456 failed; ' +
      'password s3cr:t-pass, token tok-123456, #frag-secret';
    const out = scrub(text);
    for (const secret of [
      'chain-user',
      's3cr%3At-pass',
      's3cr:t-pass',
      'tok-123456',
      'frag-secret',
      '0123456789abcdef0123456789abcdef',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('127.0.0.1:8545');
  });

  it('leaves text alone when the URL carries no secret', () => {
    expect(createSecretScrubber(['http://127.0.0.1:8545'])('http://127.0.0.1:8545 ok')).toBe(
      'http://127.0.0.1:8545 ok',
    );
  });

  it('masks a target that is not a URL at all, whole', () => {
    expect(createSecretScrubber(['user:pass@host'])('target user:pass@host refused')).toBe(
      'target *** refused',
    );
  });
});
