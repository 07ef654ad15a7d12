import fc from 'fast-check';
import { harmlessMethods, unknownMethodPrefix } from './harmlessMethods.ts';
import { isKnownCrasher } from './knownCrashers.ts';

/** What a generated body is meant to exercise (evidence only: the judge reads the body itself). */
export type FuzzFamily =
  | 'request'
  | 'batch'
  | 'empty-batch'
  | 'nested-batch'
  | 'not-an-object'
  | 'invalid-json'
  | 'oversize-string';

/** One malformed request: the exact HTTP body and what it is meant to exercise. */
export interface FuzzCase {
  readonly family: FuzzFamily;
  readonly body: string;
}

export interface FuzzArbOptions {
  /** Largest body in bytes (UTF-8); longer generated bodies are left out. */
  readonly maxBodyBytes: number;
  /**
   * Whether bodies of a known crasher's kind may be generated (rpcFuzzKnownCrashers): `null` as a body
   * or batch entry, eth_feeHistory with a block count ≥ 2^64 (knownCrashers.ts).
   */
  readonly knownCrashers: boolean;
}

const hexDigits = fc.constantFrom(...'0123456789abcdefABCDEF');
const hexString = (min: number, max: number) =>
  fc.array(hexDigits, { minLength: min, maxLength: max }).map((d) => d.join(''));

/** Hex that breaks execution-apis' `uint`/`bytes` rules: odd length, non-hex, no 0x, leading zeros, empty. */
export const BadHexArb: fc.Arbitrary<string> = fc.oneof(
  hexString(1, 20).map((h) => `0x${h.length % 2 === 0 ? `${h}0` : h}`),
  fc
    .tuple(hexString(0, 10), fc.constantFrom('g', 'z', 'G', ' ', 'x', '-', '_'), hexString(0, 10))
    .map(([a, bad, b]) => `0x${a}${bad}${b}`),
  hexString(1, 64),
  hexString(1, 10).map((h) => `0x0${h}`),
  fc.constantFrom('0x', '0X1', '0x-1', '-0x1', '0x 1', ''),
);

/** Numbers no field takes: negative, fractional, beyond 2^256, as JSON numbers and as hex strings. */
export const HugeOrNegativeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: -1 }),
  fc.constantFrom(-1, 1e308, -1e308, 2 ** 64, 2 ** 53 + 1, 1.5, -0.5, 0.1),
  hexString(65, 200).map((h) => `0x${h.replace(/^0+/, '') || '1'}`),
  fc.bigInt({ min: 2n ** 256n, max: 2n ** 400n }).map((n) => `0x${n.toString(16)}`),
  fc.bigInt({ min: 1n, max: 2n ** 70n }).map((n) => `-0x${n.toString(16)}`),
);

/** A value of the wrong JSON type for any parameter, nested a little. */
export const WrongTypeArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 16 }),
    fc.constant({}),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Well-formed values, so a malformed one sits among plausible neighbours. */
const PlausibleArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('latest', 'earliest', 'pending', 'safe', 'finalized', '0x0', '0x1', false, true),
  hexString(40, 40).map((h) => `0x${h}`),
  hexString(64, 64).map((h) => `0x${h}`),
  fc.record(
    { to: hexString(40, 40).map((h) => `0x${h}`), data: hexString(0, 8).map((h) => `0x${h}${h}`) },
    { requiredKeys: [] },
  ),
);

const ParamValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: BadHexArb, weight: 3 },
  { arbitrary: HugeOrNegativeArb, weight: 3 },
  { arbitrary: WrongTypeArb, weight: 2 },
  { arbitrary: PlausibleArb, weight: 2 },
);

const MethodArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...harmlessMethods), weight: 6 },
  {
    arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/).map((s) => unknownMethodPrefix + s),
    weight: 2,
  },
  { arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(''), fc.constant([])), weight: 1 },
);

/** Ids: valid (integer, string), null, or of a type JSON-RPC 2.0 §4 does not allow (fraction, object, bool). */
const IdArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 2 ** 31 }), weight: 4 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 2 },
  { arbitrary: fc.constantFrom(null, 1.5, true, { id: 1 }, [1]), weight: 1 },
);

const ParamsArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.array(ParamValueArb, { maxLength: 4 }), weight: 6 },
  { arbitrary: fc.oneof(WrongTypeArb, fc.constant(null)), weight: 1 },
);

/**
 * A request object with malformed parts: every member may be missing, and jsonrpc, id, method and
 * params each may be of the wrong type. A request without `id` is a notification (§4.1).
 */
export const RequestObjectArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    jsonrpc: fc.oneof(
      { arbitrary: fc.constant('2.0'), weight: 8 },
      { arbitrary: fc.constantFrom('1.0', 2, null, ''), weight: 1 },
    ),
    id: IdArb,
    method: MethodArb,
    params: ParamsArb,
  },
  { requiredKeys: ['jsonrpc', 'method'] },
);

const withFamily =
  (family: FuzzFamily) =>
  (body: string): FuzzCase => ({ family, body });

/**
 * Arbitrary malformed JSON-RPC bodies (issue 8 deliverable 3), each at most `maxBodyBytes`: single
 * requests with wrong types, bad hex, huge and negative numbers and unknown methods; mixed, empty and
 * nested batches; JSON values that are no request; invalid JSON text; and a parameter that is an
 * oversize string. Shrinks toward short bodies.
 */
export function MalformedBodyArb(options: FuzzArbOptions): fc.Arbitrary<FuzzCase> {
  const literals: unknown[] = [
    0,
    -1,
    42,
    1e308,
    true,
    false,
    '',
    'eth_chainId',
    {},
    ...(options.knownCrashers ? [null] : []),
  ];
  const entry = fc.oneof(
    { arbitrary: RequestObjectArb as fc.Arbitrary<unknown>, weight: 4 },
    { arbitrary: fc.constantFrom(...literals), weight: 1 },
  );
  const request = RequestObjectArb.map((r) => JSON.stringify(r)).map(withFamily('request'));
  const batch = fc
    .array(entry, { minLength: 1, maxLength: 5 })
    .map((b) => JSON.stringify(b))
    .map(withFamily('batch'));
  const nested = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(entry, { maxLength: 2 }))
    .map(([depth, inner]) => `${'['.repeat(depth)}${JSON.stringify(inner)}${']'.repeat(depth)}`)
    .map(withFamily('nested-batch'));
  const notObject = fc
    .constantFrom(...literals)
    .map((v) => JSON.stringify(v))
    .map(withFamily('not-an-object'));
  const invalidJson = fc
    .oneof(
      fc.tuple(RequestObjectArb, fc.nat()).map(([r, cut]) => {
        const text = JSON.stringify(r);
        return text.slice(0, cut % Math.max(1, text.length));
      }),
      fc.constantFrom(
        '',
        '{',
        '[',
        '{"jsonrpc":"2.0",}',
        "{'jsonrpc':'2.0'}",
        'NaN',
        '{"id":1,"method":"eth_chainId"',
        '\u0000',
      ),
      fc.string({ maxLength: 40 }).filter((s) => !isJson(s)),
    )
    .map(withFamily('invalid-json'));
  const oversize = fc
    .tuple(
      fc.constantFrom(...harmlessMethods),
      fc.integer({ min: 1_024, max: Math.max(1_024, options.maxBodyBytes - 256) }),
      fc.constantFrom('a', 'f', '0', 'z'),
      fc.boolean(),
    )
    .map(([method, length, char, prefixed]) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method,
        params: [`${prefixed ? '0x' : ''}${char.repeat(length)}`, 'latest'],
      }),
    )
    .map(withFamily('oversize-string'));
  return fc
    .oneof(
      { arbitrary: request, weight: 8 },
      { arbitrary: batch, weight: 3 },
      { arbitrary: fc.constant('[]').map(withFamily('empty-batch')), weight: 1 },
      { arbitrary: nested, weight: 1 },
      { arbitrary: notObject, weight: 1 },
      { arbitrary: invalidJson, weight: 2 },
      { arbitrary: oversize, weight: 1 },
    )
    .filter(
      (c) =>
        Buffer.byteLength(c.body) <= options.maxBodyBytes &&
        (options.knownCrashers || !isKnownCrasher(c.body)),
    );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
