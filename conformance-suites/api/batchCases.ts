/**
 * API-04 cases: JSON-RPC 2.0 §6 batches (https://www.jsonrpc.org/specification#batch), as data. Each
 * case states what it sends and its comparison policy; judgeBatch.ts applies them. Error codes of
 * individual entries (unknown method, invalid params) are API-02's business and only need to be
 * errors here; what this check judges is the batch contract: one answer per id-bearing request,
 * matched by id, none for notifications, and the batch-level errors §6 fixes.
 */

/** A request with an id (the server must answer it) or a notification (it must not). */
const call = (id: string | number, method: string, params: unknown[] = []) => ({
  jsonrpc: '2.0',
  id,
  method,
  params,
});
const notification = (method: string, params: unknown[] = []) => ({ jsonrpc: '2.0', method, params });

/** What each id-bearing entry of the mixed batch must get back. */
export type EntryExpectation =
  /** A result equal to the same call made on its own (eth_chainId). */
  | { readonly kind: 'same-as-single'; readonly method: string }
  /** A hex quantity result (eth_blockNumber; the head may move between calls). */
  | { readonly kind: 'quantity' }
  /** Any error object: the entry is bad (its code is API-02's). */
  | { readonly kind: 'error' };

export interface BatchCase {
  readonly name: string;
  /** The batch, sent verbatim as the HTTP body. */
  readonly body: string;
  readonly policy: string;
}

export const mixedBatch = {
  name: 'mixed-batch',
  entries: [
    { request: call(1, 'eth_chainId'), expect: { kind: 'same-as-single', method: 'eth_chainId' } },
    { request: notification('eth_chainId') },
    { request: call('b', 'chaineval_noSuchMethod'), expect: { kind: 'error' } },
    { request: call(3, 'eth_getBalance', ['nothex', 'latest']), expect: { kind: 'error' } },
    { request: call(4, 'eth_blockNumber'), expect: { kind: 'quantity' } },
  ],
  policy:
    'an array with exactly one answer per id-bearing request (ids 1, "b", 3, 4; any order), each matched by id: ' +
    'id 1 the same chain id as a single eth_chainId, id 4 a hex quantity, ids "b" and 3 an error object; no answer ' +
    'for the notification (JSON-RPC 2.0 §4.1, §6)',
} as const;

export const emptyBatch: BatchCase = {
  name: 'empty-batch',
  body: '[]',
  policy:
    'a single response object (not an array) with error -32600 Invalid Request and id null (JSON-RPC 2.0 §6)',
};

export const invalidEntriesBatch = {
  name: 'invalid-entries',
  validId: 7,
  invalidCount: 2,
  body: `[${JSON.stringify(call(7, 'eth_chainId'))},{"foo":"boo"},1]`,
  policy:
    'an array answering id 7 with the chain id and each of the two entries that are not requests with error -32600 ' +
    'and id null (JSON-RPC 2.0 §6); rejecting the whole batch with one -32600 error is tolerated and recorded',
} as const;

export const notificationsOnlyBatch: BatchCase = {
  name: 'notifications-only',
  body: JSON.stringify([notification('eth_chainId'), notification('eth_blockNumber')]),
  policy: 'no response at all (an empty body; JSON-RPC 2.0 §6: not even an empty array)',
};

export const mixedBatchBody = JSON.stringify(mixedBatch.entries.map((e) => e.request));
