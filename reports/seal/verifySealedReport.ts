import { z } from 'zod';
import { canonicalJson } from './canonicalJson.ts';
import { DsseEnvelopeSchema } from './DsseEnvelopeSchema.ts';
import { envelopeFileText } from './envelopeFileText.ts';
import { pae } from './pae.ts';
import { inTotoPayloadType, type SealStatement, SealStatementSchema } from './SealStatementSchema.ts';
import type { VerifyingKey } from './Signer.ts';
import { sha256Hex } from './sha256Hex.ts';

export type SealFailure =
  | 'malformed-envelope'
  | 'malformed-report'
  | 'unknown-key'
  | 'bad-signature'
  | 'digest-mismatch';

export type SealVerification =
  | {
      readonly ok: true;
      readonly key: VerifyingKey;
      readonly statement: SealStatement;
      readonly digest: string;
    }
  | { readonly ok: false; readonly failure: SealFailure; readonly message: string };

const fail = (failure: SealFailure, message: string): SealVerification => ({ ok: false, failure, message });

/**
 * Checks a sealed report, in the order DSSE prescribes: parse the envelope, verify a signature over
 * PAE(payloadType, payload) with a trusted key, only then read the payload (the in-toto Statement)
 * and compare its subject digest with the SHA-256 of the report's RFC 8785 form. Takes the raw
 * texts: anything that does not parse is a failure with a reason, never an exception.
 */
export function verifySealedReport(
  envelopeText: string,
  reportText: string,
  trustedKeys: readonly VerifyingKey[],
): SealVerification {
  let envelopeJson: unknown;
  try {
    envelopeJson = JSON.parse(envelopeText);
  } catch {
    return fail('malformed-envelope', 'the envelope is not JSON');
  }
  const envelope = DsseEnvelopeSchema.safeParse(envelopeJson);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return fail(
      'malformed-envelope',
      `the envelope is not a DSSE envelope (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    );
  }
  if (envelopeText !== envelopeFileText(envelopeJson)) {
    return fail(
      'malformed-envelope',
      'the envelope file was altered: its bytes are not in the form chaineval writes',
    );
  }
  const { payloadType, signatures } = envelope.data;
  const base64Fields = [envelope.data.payload, ...signatures.map((s) => s.sig)];
  if (base64Fields.some((b) => Buffer.from(b, 'base64').toString('base64') !== b)) {
    return fail('malformed-envelope', 'the envelope holds non-canonical base64 (altered padding bits)');
  }
  if (payloadType !== inTotoPayloadType) {
    return fail(
      'malformed-envelope',
      `the envelope's payloadType is "${payloadType.slice(0, 60)}", not ${inTotoPayloadType}`,
    );
  }
  const payload = Buffer.from(envelope.data.payload, 'base64');
  const signed = pae(payloadType, payload);
  let known: VerifyingKey | undefined;
  for (const signature of signatures) {
    // keyid is an unsigned hint: it only picks which trusted key to try first; every key is tried.
    const keys = [...trustedKeys].sort(
      (a, b) => Number(b.keyId === signature.keyid) - Number(a.keyId === signature.keyid),
    );
    for (const key of keys) {
      if (key.keyId === signature.keyid) known = key;
      if (key.verify(signed, Buffer.from(signature.sig, 'base64'))) {
        // keyid is not signed: a false one means the envelope was edited.
        if (signature.keyid !== undefined && signature.keyid !== key.keyId) {
          return fail(
            'malformed-envelope',
            `the envelope names key ${signature.keyid.slice(0, 80)}, but its signature is by key ${key.keyId}; the envelope was altered`,
          );
        }
        return checkStatement(payload, reportText, key);
      }
    }
  }
  const named = signatures.map((s) => s.keyid ?? '(no keyid)').join(', ');
  if (known)
    return fail(
      'bad-signature',
      `bad signature: the envelope's signature does not verify with key ${known.keyId} (${known.source})`,
    );
  return fail(
    'unknown-key',
    trustedKeys.length === 0
      ? `unknown key: the envelope is signed by ${named} and no trusted key was given; pass --public-key <file>`
      : `unknown key: the envelope is signed by ${named}, which is none of the trusted keys (${trustedKeys.map((k) => k.keyId).join(', ')}); pass --public-key <file> with the signer's public key`,
  );
}

function checkStatement(payload: Buffer, reportText: string, key: VerifyingKey): SealVerification {
  let statement: SealStatement;
  try {
    const parsed = SealStatementSchema.safeParse(JSON.parse(payload.toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        'malformed-envelope',
        `the signed payload is not a chaineval sealed-report statement (${issue?.path.join('.')}: ${issue?.message})`,
      );
    }
    statement = parsed.data;
  } catch {
    return fail('malformed-envelope', 'the signed payload is not JSON');
  }
  let reportJson: unknown;
  try {
    reportJson = JSON.parse(reportText);
  } catch {
    return fail(
      'digest-mismatch',
      'digest mismatch: the report is not JSON any more, so it is not the report that was sealed',
    );
  }
  // The digest is over the report exactly as parsed (no defaults filled in), so any changed value counts.
  const digest = sha256Hex(canonicalJson(reportJson));
  const expected = statement.subject[0]?.digest.sha256;
  if (digest !== expected) {
    return fail(
      'digest-mismatch',
      `digest mismatch: the report's sha256 is ${digest}, the seal says ${expected}; the report was changed after it was sealed`,
    );
  }
  // A report that matches its digest but names another run was sealed under the wrong name.
  const named = z.looseObject({ reportId: z.string() }).safeParse(reportJson);
  if (!named.success || named.data.reportId !== statement.predicate.runId) {
    return fail(
      'malformed-report',
      `the report's id is not ${statement.predicate.runId}, the run its seal names`,
    );
  }
  if (sha256Hex(reportText) !== statement.predicate.reportFile.sha256) {
    return fail(
      'digest-mismatch',
      "digest mismatch: the report's content is as sealed, but bytes of the file were changed (layout or whitespace)",
    );
  }
  return { ok: true, key, statement, digest };
}
