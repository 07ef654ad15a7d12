import type { FaultDefinition } from '../defineFault.ts';
import { defineFault } from '../defineFault.ts';
import { codeTruncated } from '../faults/codeTruncated.ts';
import { codeVisibleLate, type FirstSeenCode } from '../faults/codeVisibleLate.ts';
import { filterChangesSkip, type HashesSeen } from '../faults/filterChangesSkip.ts';
import { type DeliveredLogs, filterLogsConsumeChanges } from '../faults/filterLogsConsumeChanges.ts';
import { filterUninstallIgnored } from '../faults/filterUninstallIgnored.ts';
import { gasUsedUnderstated } from '../faults/gasUsedUnderstated.ts';
import { historicalStateReadsLatest } from '../faults/historicalStateReadsLatest.ts';
import { logsDropped } from '../faults/logsDropped.ts';
import { logsTopicFilterIgnored } from '../faults/logsTopicFilterIgnored.ts';
import { type CallCounter, nondeterministicCall } from '../faults/nondeterministicCall.ts';
import { stateOneBlockBehind } from '../faults/stateOneBlockBehind.ts';

/** Faults for the contract checks (append new ones at the end; never rename). */
export const contractFaults = [
  defineFault({
    name: 'nondeterministic-call',
    description:
      'every second eth_call that names a block other than "latest" is executed at "latest" instead (a result cache keyed without the block parameter)',
    rewriteRequest: (request, { memory }) =>
      nondeterministicCall(
        request,
        memory<CallCounter>(() => ({ calls: 0 })),
      ),
  }),
  defineFault({
    name: 'state-one-block-behind',
    description:
      'eth_call, eth_getStorageAt, eth_getCode, eth_getBalance, eth_getTransactionCount and eth_getProof at an explicit block number n >= 1 answer the state of block n - 1 (a node whose state lags its headers by one block)',
    appliesTo: 'second-endpoint',
    rewriteRequest: (request) => stateOneBlockBehind(request),
  }),
  defineFault({
    name: 'historical-state-reads-latest',
    description:
      'eth_call, eth_getStorageAt, eth_getCode, eth_getBalance, eth_getTransactionCount and eth_getProof that name a past block (number, "earliest" or an EIP-1898 object) are executed at "latest" (a node without archive state that ignores the block parameter)',
    rewriteRequest: (request) => historicalStateReadsLatest(request),
  }),
  defineFault({
    name: 'code-truncated',
    description:
      'non-empty eth_getCode answers lose their last byte (an off-by-one reading code from the store)',
    rewrite: (request, response) => codeTruncated(request, response),
  }),
  defineFault({
    name: 'gas-used-understated',
    description:
      'eth_getTransactionReceipt answers for failed (status 0x0) transactions report half their real gasUsed, other fields unchanged',
    rewrite: (request, response) => gasUsedUnderstated(request, response),
  }),
  defineFault({
    name: 'code-visible-late',
    description:
      'eth_getCode answers "0x" for an address until 6 s after the proxy first saw the chain answer non-empty code for it (a read replica 6 s behind the chain)',
    rewrite: (request, response, { memory }) =>
      codeVisibleLate(
        request,
        response,
        memory<FirstSeenCode>(() => new Map()),
        Date.now(),
      ),
  }),
  defineFault({
    name: 'logs-dropped',
    description:
      "eth_getLogs over an explicit block range of more than one block omits the logs of the range's last block (toBlock treated as exclusive)",
    rewrite: (request, response) => logsDropped(request, response),
  }),
  defineFault({
    name: 'logs-topic-filter-ignored',
    description:
      "eth_getLogs is executed without the filter's topics, answering every log of the address and block range",
    rewriteRequest: (request) => logsTopicFilterIgnored(request),
  }),
  defineFault({
    name: 'filter-changes-skip',
    description:
      'eth_getFilterChanges answers made of hashes (block filters) omit every second hash the filter would deliver, counted per filter id',
    rewrite: (request, response, { memory }) =>
      filterChangesSkip(
        request,
        response,
        memory<HashesSeen>(() => new Map()),
      ),
  }),
  defineFault({
    name: 'filter-logs-consume-changes',
    description:
      'eth_getFilterLogs and eth_getFilterChanges of a log filter share one cursor: each answers only the logs neither has returned before (as Hardhat 2.29.1 does)',
    rewrite: (request, response, { memory }) =>
      filterLogsConsumeChanges(
        request,
        response,
        memory<DeliveredLogs>(() => new Map()),
      ),
  }),
  defineFault({
    name: 'filter-uninstall-ignored',
    description:
      'eth_uninstallFilter is answered true without reaching the chain, so the filter keeps delivering',
    intercept: (request) => filterUninstallIgnored(request),
  }),
] as const satisfies readonly FaultDefinition[];
