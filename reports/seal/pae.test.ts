import { describe, expect, it } from 'vitest';
import { pae } from './pae.ts';

describe('pae (DSSE v1 pre-authentication encoding)', () => {
  it('matches the test vector of the DSSE specification (protocol.md)', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters', () => {
    expect(pae('t', Buffer.from('符合', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 6 符合');
  });
});
