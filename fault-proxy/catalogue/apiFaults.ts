import { defineFault } from '../defineFault.ts';
import { batchIdsMismatched } from '../faults/batchIdsMismatched.ts';
import { chainIdFlapping } from '../faults/chainIdFlapping.ts';
import { lenientParams } from '../faults/lenientParams.ts';
import { malformedQuantities } from '../faults/malformedQuantities.ts';
import { malformedRequestHtml500 } from '../faults/malformedRequestHtml500.ts';
import { rateLimitBypassed } from '../faults/rateLimitBypassed.ts';

/** Faults for the api checks (append new ones at the end; never rename). */
export const apiFaults = [
  defineFault({
    name: 'batch-ids-mismatched',
    description:
      'JSON-RPC batch answers carry the id of the next answer (the last the first), as a gateway pairing batch answers by position does; single requests are untouched',
    answerBody: (body, context) => batchIdsMismatched(body, context),
  }),
  defineFault({
    name: 'malformed-request-html-500',
    description:
      'request bodies over 512 KiB, bodies that are not JSON and JSON nested deeper than 64 levels are answered HTTP 500 with an HTML error page instead of a JSON-RPC error',
    answerBody: (body) => malformedRequestHtml500(body),
  }),
  defineFault({
    name: 'lenient-params',
    description:
      'every -32602 Invalid params error is answered with a default result instead: 0x0 for balances and counts, 0x for calls, code and storage, [] for logs, null for lookups',
    rewrite: (request, response) => lenientParams(request, response),
  }),
  defineFault({
    name: 'malformed-quantities',
    description:
      'quantities in blocks and transactions (eth_getBlockByNumber/ByHash, eth_getTransactionByHash) are zero-padded to whole bytes: number 0x2 becomes 0x02, nonce 0x0 becomes 0x00',
    rewrite: (request, response) => malformedQuantities(request, response),
  }),
  defineFault({
    name: 'chain-id-flapping',
    description:
      'every second eth_chainId answer (counted while the fault is on) is the chain id + 1, as a load balancer over two node pools configured with different chain ids answers',
    intercept: (request, context) => chainIdFlapping(request, context),
  }),
  defineFault({
    name: 'rate-limit-bypassed',
    description:
      'a front gateway retries every throttled answer of the rate-limited backend (HTTP 429/503 or JSON-RPC -32005) every 10 ms, up to 200 times, until it is served: clients never see throttling',
    answerBody: (body, context) => rateLimitBypassed(body, context),
  }),
] as const;
