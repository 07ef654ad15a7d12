import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-09: the growth bound, in ledger bytes per transaction. */
export const ledgerBytesPerTxMax = defineParameter({
  name: 'ledgerBytesPerTxMax',
  schema: z.number().int().min(1).max(100_000_000),
  description:
    'Largest acceptable ledger growth per transaction: bytes of the blocks that hold transactions divided by the ' +
    'transactions they hold.',
});
