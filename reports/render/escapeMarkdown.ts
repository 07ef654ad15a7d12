/**
 * Escapes text for Markdown inline content and table cells (never at a line start, where `#`, `-`
 * and `1.` would matter): backslash-escapes the characters of inline markup (so a client version
 * cannot become a link, emphasis, code or a table column), turns `<`
 * and `>` into entities (no raw HTML), and folds line breaks into spaces. Strings from the target
 * are untrusted.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
