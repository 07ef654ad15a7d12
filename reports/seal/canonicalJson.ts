import canonicalize from 'canonicalize';
import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: keys sorted by UTF-16 code
 * units, no whitespace, numbers in ECMAScript form. A report's digest is taken over this text, so
 * the digest does not depend on how report.json happens to be indented or ordered. Uses the
 * `canonicalize` package (by an RFC 8785 author) rather than our own sort, which gets numbers and
 * non-BMP key order wrong.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new ChainevalError('cannot canonicalise a value that is not JSON (undefined or a function)');
  }
  return text;
}
