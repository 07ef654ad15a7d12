import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { parseTargetKeySecret } from './parseTargetKeySecret.ts';

const key = `0x${'ab'.repeat(32)}`;

describe('parseTargetKeySecret', () => {
  it('accepts the bare key, with surrounding whitespace', () => {
    expect(parseTargetKeySecret(`  ${key}\n`, 's')).toBe(key);
  });

  it('accepts the console key/value form {"privateKey": …}', () => {
    expect(parseTargetKeySecret(JSON.stringify({ privateKey: key }), 's')).toBe(key);
  });

  it.each([
    ['a key without 0x', 'ab'.repeat(32)],
    ['a short key', `0x${'ab'.repeat(31)}`],
    ['JSON under another name', JSON.stringify({ key })],
    ['JSON null', 'null'],
    ['a password', 'hunter2-secret-value'],
  ])('refuses %s without echoing the secret', (_, value) => {
    let thrown: unknown;
    try {
      parseTargetKeySecret(value, 'chaineval/targets/x');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(
      /secret "chaineval\/targets\/x" does not hold a target private key/,
    );
    expect((thrown as Error).message).not.toContain(value);
  });
});
