const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values. Everything the target
 * returned is untrusted (DESIGN.md "Security posture"): a client version of `<script>` must render
 * as text in a regulator's browser, never run. Control characters (ESC of an ANSI sequence, NUL,
 * C1) and bidi overrides (CVE-2021-42574, "Trojan Source") are made visible as `\u{…}`, as in the
 * terminal, since a browser would silently drop or obey them; tab and newline stay, because JSON
 * evidence and raw answers in `<pre>` keep their lines.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
    )
    .replace(/[&<>"']/g, (c) => entities[c]!);
}
