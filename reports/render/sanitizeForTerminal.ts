/**
 * Makes untrusted text (client version, summaries quoting the endpoint) safe to print: C0/C1
 * control characters — ESC starts ANSI sequences that can rewrite the screen or set the window
 * title — and bidi overrides (CVE-2021-42574, "Trojan Source") are shown as `\u{…}` escapes, so
 * the operator sees them instead of their effect. Newlines too: every value stays on its line.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}
