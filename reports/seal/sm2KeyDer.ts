/**
 * SM2 keys as standard PKCS#8 / SubjectPublicKeyInfo DER (RFC 5915 ECPrivateKey, algorithm
 * id-ecPublicKey with the SM2 curve OID 1.2.156.10197.1.301, GM/T 0010), built and read from fixed
 * templates: Node's crypto cannot be trusted with SM2 keys (OpenSSL 3 re-types them as SM2 and
 * Node aborts the process exporting one), so the raw scalar and point are handled here and signing
 * is done by sm-crypto. Only the layout `chaineval keys generate` writes (and openssl writes for a
 * 32-byte key with its public point) is read; anything else is refused by the caller.
 */
const algorithmIdentifier = '301306072a8648ce3d020106082a811ccf5501822d';
const spkiPrefix = `3059${algorithmIdentifier}034200`;
const pkcs8Prefix = `308187020100${algorithmIdentifier}046d306b0201010420`;
const pkcs8Middle = 'a144034200';

/** SPKI DER of an uncompressed SM2 point (`04‖x‖y`, 65 bytes as hex). */
export function sm2SpkiDer(publicKeyHex: string): Buffer {
  return Buffer.from(`${spkiPrefix}${publicKeyHex}`, 'hex');
}

/** PKCS#8 DER of an SM2 private scalar (32 bytes as hex) with its public point. */
export function sm2Pkcs8Der(privateKeyHex: string, publicKeyHex: string): Buffer {
  return Buffer.from(`${pkcs8Prefix}${privateKeyHex}${pkcs8Middle}${publicKeyHex}`, 'hex');
}

/** The SM2 point of an SPKI DER, or undefined when the DER is not an SM2 public key of this layout. */
export function sm2PublicKeyOfSpki(der: Uint8Array): string | undefined {
  const hex = Buffer.from(der).toString('hex');
  const point = hex.slice(spkiPrefix.length);
  return hex.startsWith(spkiPrefix) && /^04[0-9a-f]{128}$/.test(point) ? point : undefined;
}

/** Scalar and point of a PKCS#8 DER, or undefined when it is not an SM2 private key of this layout. */
export function sm2KeyOfPkcs8(der: Uint8Array): { privateKeyHex: string; publicKeyHex: string } | undefined {
  const hex = Buffer.from(der).toString('hex');
  if (!hex.startsWith(pkcs8Prefix)) return undefined;
  const rest = hex.slice(pkcs8Prefix.length);
  const privateKeyHex = rest.slice(0, 64);
  const publicKeyHex = rest.slice(64 + pkcs8Middle.length);
  if (rest.slice(64, 64 + pkcs8Middle.length) !== pkcs8Middle || !/^04[0-9a-f]{128}$/.test(publicKeyHex)) {
    return undefined;
  }
  return { privateKeyHex, publicKeyHex };
}
