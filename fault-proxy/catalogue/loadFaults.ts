import { defineFault } from '../defineFault.ts';
import { wrongReadResults } from '../faults/wrongReadResults.ts';

/** Faults that load checks are built for (issue 9). Add new ones at the end, never rename. */
export const loadFaults = [
  defineFault({
    name: 'wrong-read-results',
    description:
      'every 10th eth_call or eth_getBalance answer is wrong: eth_call results get their last byte inverted, balances are 1 higher',
    rewrite: (request, response, { memory }) =>
      wrongReadResults(
        request,
        response,
        memory(() => ({ reads: 0 })),
      ),
  }),
] as const;
