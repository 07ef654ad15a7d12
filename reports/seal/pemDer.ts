import { ConfigError } from '#core/errors/ConfigError.ts';

/** The DER inside the first PEM block with this label (`PRIVATE KEY`, `PUBLIC KEY`), or undefined. */
export function pemDer(pem: string, label: 'PRIVATE KEY' | 'PUBLIC KEY'): Buffer | undefined {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  return match?.[1] === undefined ? undefined : Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

/** DER as a PEM block, 64 characters a line (RFC 7468). */
export function derPem(der: Uint8Array, label: 'PRIVATE KEY' | 'PUBLIC KEY'): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Refuses text that holds no PEM block of the label, naming the file. */
export function requirePemDer(pem: string, label: 'PRIVATE KEY' | 'PUBLIC KEY', source: string): Buffer {
  const der = pemDer(pem, label);
  if (der === undefined || der.length === 0) {
    throw new ConfigError(
      `${source} holds no "-----BEGIN ${label}-----" block; ${label === 'PRIVATE KEY' ? 'create a signing key with "chaineval keys generate"' : 'pass the public key "chaineval keys generate" printed (PEM, SubjectPublicKeyInfo)'}`,
    );
  }
  return der;
}
