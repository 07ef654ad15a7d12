import { defineFixture } from '#core/checks/defineFixture.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { readLedgerSample } from './readLedgerSample.ts';

/**
 * The last `ledgerSampleBlocks` blocks up to the head, read once per step and shared by the ledger
 * checks (LED-01..03, CR-01), so three checks never re-read the same blocks. Read when the first
 * of them runs: after the transaction checks, so the sample holds real transactions.
 */
export const ledgerSampleFixture = defineFixture({
  id: 'ledger-sample',
  description: 'the most recent ledgerSampleBlocks blocks with full transactions',
  requires: ['block.read'],
  parameters: [ledgerSampleBlocks],
  create: ({ adapter, params }) =>
    readLedgerSample(adapter.ledger, { sampleBlocks: params.ledgerSampleBlocks, minBlocks: 1 }),
});
