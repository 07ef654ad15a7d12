import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedBodyArb } from './arbitraries.ts';
import { harmlessMethods, unknownMethodPrefix } from './harmlessMethods.ts';

const sample = (maxBodyBytes: number, knownCrashers: boolean, seed = 42) =>
  fc.sample(MalformedBodyArb({ maxBodyBytes, knownCrashers }), { seed, numRuns: 2_000 });

/** Every method name a body asks for, in requests and batch entries. */
function methodsOf(body: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const walk = (v: unknown): unknown[] =>
    Array.isArray(v)
      ? v.flatMap(walk)
      : typeof v === 'object' && v !== null && 'method' in v
        ? [(v as { method: unknown }).method]
        : [];
  return walk(value);
}

describe('MalformedBodyArb', () => {
  it('stays within the byte bound and covers every family', () => {
    const cases = sample(4_096, true);
    for (const c of cases) expect(Buffer.byteLength(c.body)).toBeLessThanOrEqual(4_096);
    expect(new Set(cases.map((c) => c.family))).toEqual(
      new Set([
        'request',
        'batch',
        'empty-batch',
        'nested-batch',
        'not-an-object',
        'invalid-json',
        'oversize-string',
      ]),
    );
  });

  it('never names a method outside the read-only allow-list, except unknown chainevalfuzz_ ones', () => {
    for (const c of sample(65_536, true)) {
      for (const method of methodsOf(c.body)) {
        if (typeof method !== 'string' || method === '') continue;
        const allowed =
          (harmlessMethods as readonly string[]).includes(method) || method.startsWith(unknownMethodPrefix);
        expect(allowed, `${method} in ${c.body.slice(0, 100)}`).toBe(true);
      }
    }
  });

  it('sends the JSON body null, alone or as a batch entry, only when asked to', () => {
    const holdsNull = (body: string): boolean => {
      try {
        const value: unknown = JSON.parse(body);
        return value === null || (Array.isArray(value) && value.includes(null));
      } catch {
        return false;
      }
    };
    expect(sample(4_096, true).some((c) => holdsNull(c.body))).toBe(true);
    for (const c of sample(4_096, false)) expect(holdsNull(c.body), c.body).toBe(false);
  });

  it('is deterministic for a seed', () => {
    expect(sample(8_192, true, 7)).toEqual(sample(8_192, true, 7));
  });
});
