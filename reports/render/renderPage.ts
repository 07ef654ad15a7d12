import { htmlLangAttribute } from './bilingual.ts';
import { escapeHtml } from './escapeHtml.ts';
import { pageCss } from './pageCss.ts';
import type { ReportLang } from './ReportLangSchema.ts';

export interface PageProps {
  readonly lang: ReportLang;
  readonly title: string;
  /** The page's own rules, after the shared ones. */
  readonly css: string;
  /** Trusted markup: every value in it was escaped by the caller. */
  readonly body: string;
}

/**
 * One self-contained page: no external asset and no script; a Content-Security-Policy that forbids
 * scripts backs up the escaping of every value (the target's answers are untrusted). Fonts may come
 * only from data: URLs — the CJK fallback that embedCjkFallbackFont adds to a finished page.
 */
export function renderPage({ lang, title, css, body }: PageProps): string {
  return `<!doctype html>
<html lang="${htmlLangAttribute(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${pageCss}${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
