import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of bytes (UTF-8 for text), the digest form in-toto subjects carry. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
