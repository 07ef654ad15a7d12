import { z } from 'zod';

export const ClauseVerdictValueSchema = z.enum([
  'conform',
  'partially-conform',
  'nonconform',
  'not-applicable',
  'not-evaluated',
]);
export type ClauseVerdictValue = z.infer<typeof ClauseVerdictValueSchema>;

export const clauseVerdictLabels: Record<ClauseVerdictValue, { zh: string; en: string }> = {
  conform: { zh: '符合', en: 'conform' },
  'partially-conform': { zh: '部分符合', en: 'partially conform' },
  nonconform: { zh: '不符合', en: 'nonconform' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'not-evaluated': { zh: '未评估', en: 'not evaluated' },
};

export const OverallVerdictValueSchema = z.enum(['conform', 'partially-conform', 'nonconform', 'incomplete']);
export type OverallVerdictValue = z.infer<typeof OverallVerdictValueSchema>;

export const overallVerdictLabels: Record<OverallVerdictValue, { zh: string; en: string }> = {
  conform: { zh: '符合', en: 'conform' },
  'partially-conform': { zh: '部分符合', en: 'partially conform' },
  nonconform: { zh: '不符合', en: 'nonconform' },
  incomplete: { zh: '未完成', en: 'incomplete' },
};
