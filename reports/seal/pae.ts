/**
 * DSSE v1 pre-authentication encoding, the bytes a signature covers (DSSE protocol.md):
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, LEN the ASCII decimal byte length.
 * Binding the payload type inside the signed bytes means a signature made for one type never
 * verifies for another (the confusion behind CVE-2022-35929).
 */
export function pae(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${body.length} `, 'utf8'),
    body,
  ]);
}
