import { defineCheck } from '#core/checks/defineCheck.ts';
import {
  emptyBatch,
  invalidEntriesBatch,
  mixedBatch,
  mixedBatchBody,
  notificationsOnlyBatch,
} from './batchCases.ts';
import { calibrateRawEndpoint } from './calibrateRawEndpoint.ts';
import {
  type BatchJudgement,
  judgeEmptyBatch,
  judgeInvalidEntriesBatch,
  judgeMixedBatch,
  judgeNotificationsOnly,
} from './judgeBatch.ts';
import { describeExchange, postRawHttp } from './postRawHttp.ts';

/**
 * API-04 (chaineval extension) — JR/T 0184-2020 7.7: interfaces are complete and compatible. JSON-RPC
 * 2.0 §6 batches are what SDKs use to read many values at once; a node that answers them out of
 * contract (answers paired with the wrong ids, notifications answered, an empty batch accepted) makes
 * a client attribute one answer to another request.
 *
 * Comparison policy (batchCases.ts, judgeBatch.ts): four batches sent verbatim to the endpoint, each
 * with its stated policy; the mixed batch's entries are judged by id, never by position, and its
 * chain-id entry against the same call made alone. Whole-batch rejection of a batch holding entries
 * that are not requests is a tolerated, recorded deviation (anvil does it). The endpoint must take a
 * raw HTTP request at its recorded URL (calibrateRawEndpoint), else the check skips with that reason.
 */
export const apiBatchSemantics = defineCheck({
  id: 'api-batch-semantics',
  catalogueId: 'API-04',
  kind: 'conformance',
  title: { zh: 'JSON-RPC 批量请求语义正确', en: 'JSON-RPC batches are answered per request, by id' },
  requires: ['rpc.jsonrpc'],
  parameters: [],
  faults: ['batch-ids-mismatched'],
  description:
    'Sends four JSON-RPC 2.0 batches: valid calls mixed with a notification, an unknown method and invalid params; ' +
    'an empty batch; a batch with entries that are not requests; notifications only. Passes when every id-bearing ' +
    'request gets exactly one answer with its id and the right kind of content, notifications get none, the empty ' +
    'batch gets one -32600 error and invalid entries get -32600 with id null (whole-batch -32600 tolerated).',
  failsWhen:
    'An answer carries the wrong id or content (e.g. the chain id under another id), an id-bearing request is not ' +
    'answered or answered twice, a notification is answered, the empty batch is answered with an array, or an ' +
    'invalid entry gets another code or no id.',
  async run({ adapter }) {
    const calibration = await calibrateRawEndpoint(adapter);
    if (!calibration.usable) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: calibration.reason,
        evidence: { answer: calibration.answer },
      };
    }
    const single = await adapter.rpc.request('eth_chainId', []);
    const singleChainId = single.kind === 'result' ? single.result : undefined;
    const post = (body: string) => postRawHttp(calibration.endpoint, body, { caCertPem: adapter.caCertPem });
    const mixed = await post(mixedBatchBody);
    const empty = await post(emptyBatch.body);
    const invalid = await post(invalidEntriesBatch.body);
    const notifications = await post(notificationsOnlyBatch.body);
    const cases = [
      {
        ...mixedBatch,
        sent: mixedBatchBody,
        exchange: mixed,
        judgement: judgeMixedBatch(mixed, singleChainId),
      },
      { ...emptyBatch, sent: emptyBatch.body, exchange: empty, judgement: judgeEmptyBatch(empty) },
      {
        ...invalidEntriesBatch,
        sent: invalidEntriesBatch.body,
        exchange: invalid,
        judgement: judgeInvalidEntriesBatch(invalid, singleChainId),
      },
      {
        ...notificationsOnlyBatch,
        sent: notificationsOnlyBatch.body,
        exchange: notifications,
        judgement: judgeNotificationsOnly(notifications),
      },
    ];
    const judgements: BatchJudgement[] = cases.map((c) => c.judgement);
    const evidence = {
      endpoint: calibration.endpoint,
      singleEthChainId: singleChainId,
      cases: cases.map((c) => ({
        name: c.name,
        sent: c.sent,
        policy: c.policy,
        answer: describeExchange(c.exchange, 600),
        judgement: c.judgement,
      })),
    };
    const expected = Object.fromEntries(cases.map((c) => [c.name, c.policy]));
    const actual = Object.fromEntries(
      judgements.map((j) => [j.name, j.verdict === 'match' ? 'as specified' : j.notes.join('; ')]),
    );
    const mismatches = judgements.filter((j) => j.verdict === 'mismatch');
    if (mismatches.length > 0) {
      return {
        status: 'fail',
        summary: `${mismatches.length} of ${judgements.length} batches answered out of contract: ${mismatches
          .map((j) => `${j.name}: ${j.notes.join('; ')}`)
          .join(' | ')}`,
        expected,
        actual,
        evidence,
      };
    }
    const tolerated = judgements.filter((j) => j.verdict === 'tolerated');
    return {
      status: 'pass',
      summary: `all ${judgements.length} batches answered per JSON-RPC 2.0 §6${
        tolerated.length === 0
          ? ''
          : ` (tolerated deviation: ${tolerated.map((j) => `${j.name} ${j.notes.join('; ')}`).join('; ')})`
      }`,
      expected,
      actual,
      evidence,
    };
  },
});
