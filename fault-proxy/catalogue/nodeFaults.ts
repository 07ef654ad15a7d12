import { defineFault } from '../defineFault.ts';
import { clientVersionMissing } from '../faults/clientVersionMissing.ts';
import { consensusStalled } from '../faults/consensusStalled.ts';
import { restartLosesHistory } from '../faults/restartLosesHistory.ts';

/** Faults for the node checks (append new ones at the end; never rename). */
export const nodeFaults = [
  defineFault({
    name: 'client-version-missing',
    description:
      'web3_clientVersion is answered -32601 "does not exist/is not available": the endpoint no longer says which implementation it runs',
    intercept: (request) => clientVersionMissing(request),
  }),
  defineFault({
    name: 'restart-loses-history',
    description:
      'once the chain behind the proxy has been unreachable (a restart), blocks 1..the height it had before, and their transactions and receipts, are answered null, as a node that reloads its state but not its block store',
    intercept: (request, context) => restartLosesHistory.intercept(request, context),
    rewrite: (request, response, context) => restartLosesHistory.rewrite(request, response, context),
  }),
  defineFault({
    name: 'consensus-stalled',
    description:
      'eth_sendRawTransaction is acknowledged with the transaction hash and never forwarded: transactions are accepted and never committed, as on a BFT network that lost its quorum',
    intercept: (request) => consensusStalled(request),
  }),
] as const;
