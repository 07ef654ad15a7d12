import { z } from 'zod';

/** Modal verbs of JR/T 0184 (TWGC: 应 强要求 / 宜 推荐采用 / 可 弱要求). */
export const ModalSchema = z.enum(['应', '宜', '可']);
export type Modal = z.infer<typeof ModalSchema>;

export const modalLabels: Record<Modal, string> = { 应: 'mandatory', 宜: 'recommended', 可: 'optional' };

export const AreaSchema = z.enum([
  'hardware',
  'software',
  'ledger',
  'transactions',
  'contracts',
  'consensus',
  'network',
  'crypto',
  'identity',
  'privacy',
  'interface',
  'regulatory',
  'operations',
  'governance',
  'performance',
]);
export type Area = z.infer<typeof AreaSchema>;

export const BilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** Clause ids are stable: reports are compared across runs by id. */
export const ClauseIdSchema = z.string().regex(/^[a-z0-9.-]+$/, 'clause ids look like 0184-7.2');

/** One requirement of a profile. */
export const ClauseSchema = z.strictObject({
  id: ClauseIdSchema,
  title: BilingualSchema,
  /** Where the requirement comes from, e.g. "JR/T 0184-2020 7.2; JR/T 0193-2020 6.1". */
  source: z.string().min(1),
  modal: ModalSchema,
  area: AreaSchema,
  /**
   * Why nothing in the profile evidences the clause yet. A clause without checks must say so: it is
   * reported 未评估 with this reason, never dropped.
   */
  notEvaluatedReason: z.string().min(1).optional(),
});
export type Clause = z.infer<typeof ClauseSchema>;
