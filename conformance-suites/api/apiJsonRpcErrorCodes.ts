import { defineCheck } from '#core/checks/defineCheck.ts';
import { compareErrorCode } from './compareErrorCode.ts';
import { jsonRpcErrorCases } from './jsonRpcErrorCases.ts';

/**
 * API-02 — JR/T 0184-2020 7.7: interfaces are complete and compatible. For a JSON-RPC endpoint that
 * means the error object codes of JSON-RPC 2.0 §5.1, which clients branch on (retry, fix the call,
 * give up). Runs the cases of jsonRpcErrorCases; each case states its own comparison policy, and
 * tolerated deviations pass but are named in the summary and evidence.
 */
export const apiJsonRpcErrorCodes = defineCheck({
  id: 'api-jsonrpc-error-codes',
  catalogueId: 'API-02',
  kind: 'conformance',
  title: { zh: 'JSON-RPC 错误码符合规范', en: 'JSON-RPC error codes follow the specification' },
  requires: ['rpc.jsonrpc'],
  parameters: [],
  faults: ['wrong-error-codes'],
  description:
    'Sends an unknown method, invalid params (eth_getBalance("nothex")), a request without "method" and ' +
    'malformed JSON. Passes when they answer -32601, -32602, -32600 and -32700 (-32600 tolerated and ' +
    'recorded for malformed JSON); messages are ignored.',
  failsWhen: 'Any case answers another code, a result or a bare HTTP error.',
  async run({ adapter }) {
    const { rpc } = adapter;
    const comparisons = [];
    for (const errorCase of jsonRpcErrorCases) {
      const { probe } = errorCase;
      const outcome =
        probe.kind === 'call'
          ? await rpc.request(probe.method, probe.params)
          : await rpc.sendBody(probe.body);
      comparisons.push(compareErrorCode(errorCase, outcome));
    }
    const mismatches = comparisons.filter((c) => c.verdict === 'mismatch');
    const deviations = comparisons.filter((c) => c.verdict === 'tolerated');
    const expected = Object.fromEntries(jsonRpcErrorCases.map((c) => [c.name, c.expectedCodes]));
    const actual = Object.fromEntries(comparisons.map((c) => [c.name, c.observed]));
    const evidence = { cases: jsonRpcErrorCases, comparisons };
    if (mismatches.length > 0) {
      return {
        status: 'fail',
        summary: `${mismatches.length} of ${comparisons.length} error cases wrong: ${mismatches.map((c) => `${c.name} ${c.note}`).join('; ')}`,
        expected,
        actual,
        evidence,
      };
    }
    const deviationNote =
      deviations.length === 0
        ? ''
        : ` (tolerated deviation: ${deviations.map((c) => `${c.name} answered ${c.observed}`).join(', ')})`;
    return {
      status: 'pass',
      summary: `all ${comparisons.length} error cases answered the specified codes${deviationNote}`,
      expected,
      actual,
      evidence,
    };
  },
});
