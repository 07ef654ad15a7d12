import type { Report } from '#core/report/ReportSchema.ts';
import type { ReportFormat } from './ReportFormatSchema.ts';
import { embedCjkFallbackFont } from './render/fonts/embedCjkFallbackFont.ts';
import type { ReportLang } from './render/ReportLangSchema.ts';
import { renderHtml } from './render/renderHtml.ts';
import { renderJunit } from './render/renderJunit.ts';
import { renderMarkdown } from './render/renderMarkdown.ts';
import { renderSarif } from './render/renderSarif.ts';
import { reportFileText } from './reportFileText.ts';

/**
 * The report as text in one format: what `--format` writes to a file or prints. The HTML page gets
 * its CJK fallback font here (asynchronous: the subsetter is WebAssembly), the renderers stay pure.
 */
export async function renderReport(
  report: Report,
  format: ReportFormat,
  lang: ReportLang = 'both',
): Promise<string> {
  switch (format) {
    case 'json':
      return reportFileText(report);
    case 'html':
      return embedCjkFallbackFont(renderHtml(report, { lang }));
    case 'junit':
      return renderJunit(report);
    case 'sarif':
      return renderSarif(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}
