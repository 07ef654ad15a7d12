/**
 * Escapes text for XML content and quoted attributes, and drops what XML 1.0 cannot carry at all
 * (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/U+FFFF): a JUnit file with one
 * such character from the target is rejected whole by CI parsers. Strings from the target are untrusted.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
