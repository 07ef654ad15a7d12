import { randomBytes } from 'node:crypto';

/** A run id that sorts by start time and is unique without coordination: `20261124T101500Z-1a2b3c4d`. */
export function newRunId(
  at: Date = new Date(),
  random: () => string = () => randomBytes(4).toString('hex'),
): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${stamp}-${random()}`;
}
