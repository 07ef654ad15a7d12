import { z } from 'zod';

/** Standard base64 (RFC 4648 §4) with padding, as DSSE envelopes carry payload and signatures. */
const Base64Schema = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, {
  message: 'not standard base64',
});

/**
 * The DSSE JSON envelope (secure-systems-lab/dsse envelope.md): the payload and its type, and at
 * least one signature over PAE(payloadType, payload). `keyid` is only a hint: chaineval sets it to
 * the signer's key id and verifies with the key the verifier trusts, never with one the envelope names.
 */
export const DsseEnvelopeSchema = z.strictObject({
  payload: Base64Schema,
  payloadType: z.string().min(1),
  signatures: z.array(z.strictObject({ keyid: z.string().optional(), sig: Base64Schema.min(1) })).min(1),
});
export type DsseEnvelope = z.infer<typeof DsseEnvelopeSchema>;
