import { z } from 'zod';

/** Modal verbs of JR/T 0184 (TWGC: 应 强要求 / 宜 推荐采用 / 可 弱要求). */
export const ModalSchema = z.enum(['应', '宜', '可']);
export type Modal = z.infer<typeof ModalSchema>;

export const modalLabels: Record<Modal, string> = { 应: 'mandatory', 宜: 'recommended', 可: 'optional' };

export const AreaSchema = z.enum([
  'ledger',
  'transactions',
  'contracts',
  'network',
  'crypto',
  'interface',
  'performance',
]);
export type Area = z.infer<typeof AreaSchema>;

export const BilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof BilingualSchema>;

/** One requirement of the profile. Ids are stable: reports are compared across runs by id. */
export const ClauseSchema = z.object({
  id: z.string().regex(/^[a-z0-9.-]+$/),
  title: BilingualSchema,
  /** Where the requirement comes from, e.g. "JR/T 0184-2020 7.2; JR/T 0193-2020 6.1". */
  source: z.string(),
  modal: ModalSchema,
  area: AreaSchema,
});
export type Clause = z.infer<typeof ClauseSchema>;
