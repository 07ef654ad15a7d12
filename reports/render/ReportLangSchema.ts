import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';

/**
 * The language of a rendered page (`--lang`): Chinese, English, or both side by side (the default;
 * a JR/T 0193 report is read by a Chinese regulator and a foreign vendor alike).
 */
export const ReportLangSchema = z.enum(['zh', 'en', 'both']);
export type ReportLang = z.infer<typeof ReportLangSchema>;

/** `--lang` as given on the command line; absent means both. */
export function parseReportLang(value: string | undefined): ReportLang {
  if (value === undefined) return 'both';
  const parsed = ReportLangSchema.safeParse(value.trim());
  if (!parsed.success) {
    throw new ConfigError(
      `--lang accepts ${ReportLangSchema.options.join(', ')} (got "${value.slice(0, 40)}"); omit it for both languages`,
    );
  }
  return parsed.data;
}
