import type { ReportLang } from './ReportLangSchema.ts';

/** Joins a Chinese and an English fragment (both already HTML-safe) as the page's language asks. */
export type Bilingual = (zh: string, en: string, separator?: string) => string;

/** `both` keeps today's "中文 English" pairs; `zh` and `en` keep one side. */
export function bilingual(lang: ReportLang): Bilingual {
  if (lang === 'zh') return (zh) => zh;
  if (lang === 'en') return (_zh, en) => en;
  return (zh, en, separator = ' ') => `${zh}${separator}${en}`;
}

/** The document language a screen reader and a browser's font choice should assume. */
export function htmlLangAttribute(lang: ReportLang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}
