import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** The formats a report is rendered in (`--format`). */
export const ReportFormatSchema = z.enum(['json', 'html', 'junit', 'sarif', 'markdown']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** The file each format is written to, beside report.json. */
export const reportFileNames: Record<ReportFormat, string> = {
  json: 'report.json',
  html: 'report.html',
  junit: 'report.junit.xml',
  sarif: 'report.sarif',
  markdown: 'report.md',
};

/** `--format` values, repeatable and comma-separated (`--format junit,sarif --format md`), deduplicated in order. */
export function parseReportFormats(values: readonly string[]): ReportFormat[] {
  const formats: ReportFormat[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const name = raw.trim() === 'md' ? 'markdown' : raw.trim();
    const parsed = ReportFormatSchema.safeParse(name);
    if (!parsed.success) {
      throw new ConfigError(
        `--format accepts ${ReportFormatSchema.options.join(', ')} (repeat it or separate with commas); got "${raw.slice(0, 40)}"`,
      );
    }
    if (!formats.includes(parsed.data)) formats.push(parsed.data);
  }
  return formats;
}
