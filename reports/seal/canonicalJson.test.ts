import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace', () => {
    // RFC 8785 §3.2.3: "\u20ac" (€) sorts after "\r" and before the non-BMP key "\ud83d\ude00".
    expect(
      canonicalJson({
        '\u20ac': 'Euro',
        '\r': 'CR',
        '\ud83d\ude00': 'smiley',
        '1': 'one',
        b: [3, { z: 1, a: 2 }],
      }),
    ).toBe('{"\\r":"CR","1":"one","b":[3,{"a":2,"z":1}],"€":"Euro","😀":"smiley"}');
  });

  it('writes numbers the ECMAScript way (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 4.5, 333333333.3333333, 1e23])).toBe(
      '[1e+21,1e-7,0.000001,0,4.5,333333333.3333333,1e+23]',
    );
  });

  it('gives the same text for the same value however it was laid out', () => {
    const a = JSON.parse('{ "b": 1,\n  "a": [ 1, 2 ] }');
    const b = JSON.parse('{"a":[1,2],"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('refuses a value that is not JSON', () => {
    expect(() => canonicalJson(undefined)).toThrow(/not JSON/);
  });
});
