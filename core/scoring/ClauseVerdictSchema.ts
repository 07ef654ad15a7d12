import { z } from 'zod';

export const ClauseVerdictValueSchema = z.enum([
  'conform',
  'partially-conform',
  'nonconform',
  'not-applicable',
  'waived',
  'attested',
  'not-evaluated',
]);
export type ClauseVerdictValue = z.infer<typeof ClauseVerdictValueSchema>;

export const clauseVerdictLabels: Record<ClauseVerdictValue, { zh: string; en: string }> = {
  conform: { zh: '符合', en: 'conform' },
  'partially-conform': { zh: '部分符合', en: 'partially conform' },
  nonconform: { zh: '不符合', en: 'nonconform' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  waived: { zh: '豁免', en: 'waived' },
  attested: { zh: '已证明', en: 'attested' },
  'not-evaluated': { zh: '未评估', en: 'not evaluated' },
};

/**
 * inconclusive: the run finished but evaluated less of the profile than its rubric's minimum
 * coverage, so the harness cannot judge conformance either way (and says why).
 */
export const OverallVerdictValueSchema = z.enum([
  'conform',
  'partially-conform',
  'nonconform',
  'inconclusive',
  'incomplete',
]);
export type OverallVerdictValue = z.infer<typeof OverallVerdictValueSchema>;

export const overallVerdictLabels: Record<OverallVerdictValue, { zh: string; en: string }> = {
  conform: { zh: '符合', en: 'conform' },
  'partially-conform': { zh: '部分符合', en: 'partially conform' },
  nonconform: { zh: '不符合', en: 'nonconform' },
  inconclusive: { zh: '无法判定', en: 'inconclusive' },
  incomplete: { zh: '未完成', en: 'incomplete' },
};
