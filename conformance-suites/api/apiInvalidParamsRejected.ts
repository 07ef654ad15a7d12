import { defineCheck } from '#core/checks/defineCheck.ts';
import { fillParams, invalidParamCases } from './invalidParamCases.ts';
import { judgeInvalidParams } from './judgeInvalidParams.ts';

/**
 * API-06 (chaineval extension) — JR/T 0193-2020 6.10 interface management: an interface validates
 * its input. A node that answers a malformed address, hash or quantity with a success (a zero
 * balance, "not found", some other block) gives clients a wrong fact instead of an error.
 *
 * Comparison policy (invalidParamCases.ts, judgeInvalidParams.ts): every case must be refused;
 * -32602 is the match, another code or an HTTP 4xx a tolerated, recorded deviation (codes are
 * API-02's business). Malformed values (wrong lengths, non-hex, negative, unknown tags, wrong types)
 * fail on any result. Non-canonical but unambiguous encodings ("0x00", a missing 0x prefix, a JSON
 * number, "LATEST") are tolerated and recorded when the answer equals the canonical request's, and
 * fail when it differs: the node misread the value.
 */
export const apiInvalidParamsRejected = defineCheck({
  id: 'api-invalid-params-rejected',
  catalogueId: 'API-06',
  kind: 'conformance',
  title: { zh: '非法参数被拒绝', en: 'Invalid parameters are rejected, never answered' },
  requires: ['rpc.jsonrpc', 'block.read'],
  parameters: [],
  faults: ['lenient-params'],
  description:
    `Sends ${invalidParamCases.length} calls with invalid parameters (quantities that are empty, negative, non-hex or ` +
    'over 256 bits; unknown block tags; 19/21-byte and odd-length addresses; 31/33-byte hashes and slots; wrong types; ' +
    'missing parameters) and with non-canonical encodings ("0x00", no 0x prefix, JSON numbers, upper-case tags). ' +
    'Passes when every malformed value is refused (-32602 expected, other refusals recorded) and every non-canonical ' +
    'one is refused or answered exactly as its canonical form.',
  failsWhen:
    'Any malformed value is answered with a result (e.g. a balance of 0x0 for a 19-byte address, null for a 31-byte ' +
    'hash, the genesis block for "0x"), or a non-canonical value is answered differently from its canonical form.',
  async run({ adapter }) {
    const genesis = await adapter.ledger.getBlock(0n);
    if (genesis === null)
      return {
        status: 'error',
        summary: 'the node returned no genesis block, which some cases look up',
        evidence: {},
      };
    const judgements = [];
    const calls = [];
    for (const c of invalidParamCases) {
      const params = fillParams(c.params, genesis.hash);
      const outcome = await adapter.rpc.request(c.method, params);
      const canonicalParams =
        c.policy === 'canonical' ? fillParams(c.canonicalParams, genesis.hash) : undefined;
      const canonical =
        canonicalParams !== undefined && outcome.kind === 'result'
          ? await adapter.rpc.request(c.method, canonicalParams)
          : undefined;
      const judgement = judgeInvalidParams(c, outcome, canonical);
      judgements.push(judgement);
      calls.push({
        name: c.name,
        request: { method: c.method, params },
        why: c.why,
        policy: c.policy,
        answer: JSON.stringify(outcome).slice(0, 300),
        ...(canonical === undefined
          ? {}
          : {
              canonical: {
                method: c.method,
                params: canonicalParams,
                answer: JSON.stringify(canonical).slice(0, 300),
              },
            }),
        judgement,
      });
    }
    const mismatches = judgements.filter((j) => j.verdict === 'mismatch');
    const tolerated = judgements.filter((j) => j.verdict === 'tolerated');
    const expected = Object.fromEntries(
      invalidParamCases.map((c) => [
        c.name,
        c.policy === 'refuse' ? 'error -32602' : 'error -32602, or the canonical answer',
      ]),
    );
    const actual = Object.fromEntries(judgements.map((j) => [j.name, j.observed]));
    const evidence = { calls };
    if (mismatches.length > 0) {
      return {
        status: 'fail',
        summary: `${mismatches.length} of ${judgements.length} invalid parameters answered instead of refused: ${mismatches
          .map((j) => `${j.name} ${j.note}`)
          .join('; ')}`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `all ${judgements.length} invalid parameters refused or read canonically${
        tolerated.length === 0
          ? ''
          : ` (tolerated deviation: ${tolerated.map((j) => `${j.name} ${j.note}`).join('; ')})`
      }`,
      expected,
      actual,
      evidence,
    };
  },
});
