/** report.dsse.json's exact text. `chaineval verify` refuses an envelope file not in this form, so
 * that no byte of it (whitespace and the unsigned keyid included) can change unnoticed. */
export function envelopeFileText(envelope: unknown): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}
