import { describe, expect, it } from 'vitest';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

interface Probe {
  readonly name: string;
  readonly refusal: { readonly verdict: string; readonly how: string };
  readonly problems: readonly string[];
}
const probesOf = (result: CheckResult) => (result.evidence?.probes ?? []) as Probe[];

/**
 * API-04/05/06 on a real anvil: the wire-level contract of the JSON-RPC endpoint (batches, malformed
 * and oversized bodies, invalid parameters). Each passes on anvil, with anvil's real deviations
 * recorded, and fails under the fault named for it, behind the fault proxy.
 */
describe('JSON-RPC wire checks on anvil', () => {
  const env = useAnvilBehindProxy({ fundedTransactions: 1, embedded: false });

  describe('API-04 api-batch-semantics', () => {
    it('passes on anvil, recording its whole-batch -32600 for a batch holding entries that are not requests', async () => {
      const result = await env.onAnvil.run('api-batch-semantics');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toBe(
        'all 4 batches answered per JSON-RPC 2.0 §6 (tolerated deviation: invalid-entries rejected the whole batch with one -32600 error instead of answering each entry; tolerated: no answer is attributed to a wrong id)',
      );
    });

    it('passes through the clean fault proxy', async () => {
      expect((await env.runUnder([], 'api-batch-semantics')).status).toBe('pass');
    });

    it('fails under batch-ids-mismatched: answers paired with the wrong requests', async () => {
      const result = await env.runUnder(['batch-ids-mismatched'], 'api-batch-semantics');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^1 of 4 batches answered out of contract: mixed-batch: id 1 \(eth_chainId\): answered /,
      );
      expect(result.summary).toContain('id "b": answered');
    });
  });

  describe('API-05 api-oversized-and-malformed-requests', () => {
    it('passes on anvil: every probe refused with a JSON-RPC error (or the connection closed), anvil answering after each', async () => {
      const result = await env.onAnvil.run('api-oversized-and-malformed-requests');
      expect(result.status, result.summary).toBe('pass');
      const probes = probesOf(result);
      expect(probes.map((p) => p.name)).toEqual([
        'oversized-body',
        'deeply-nested-json',
        'huge-hex-quantity',
        'garbage-raw-transaction',
        'wrong-content-type',
        'not-json',
      ]);
      for (const probe of probes) expect(probe.refusal.verdict, probe.name).not.toBe('not-refused');
      expect(probes.find((p) => p.name === 'wrong-content-type')?.refusal.how).toBe(
        'error -32600 (HTTP 200)',
      );
    });

    it('fails under malformed-request-html-500: HTTP 500 HTML pages instead of JSON-RPC errors', async () => {
      const result = await env.runUnder(
        ['malformed-request-html-500'],
        'api-oversized-and-malformed-requests',
      );
      expect(result.status).toBe('fail');
      const failed = Object.fromEntries(probesOf(result).map((p) => [p.name, p.problems.join('; ')]));
      for (const name of ['oversized-body', 'deeply-nested-json', 'not-json'])
        expect(failed[name], name).toMatch(/^not refused: HTTP 500 with a body that is not JSON/);
      // The proxy forwards every body as application/json, so text/plain reaches anvil as JSON: the
      // proxy itself accepts the wrong content type, with or without the fault.
      expect(failed['wrong-content-type']).toMatch(/^not refused: answered with a result "0x7a69"/);
    });
  });

  describe('API-06 api-invalid-params-rejected', () => {
    it('passes on anvil: malformed values refused with -32602, non-canonical encodings read canonically', async () => {
      const result = await env.onAnvil.run('api-invalid-params-rejected');
      expect(result.status, result.summary).toBe('pass');
      const actual = result.actual as Record<string, string>;
      expect(actual['address-19-bytes']).toBe('-32602');
      expect(actual['quantity-leading-zero']).toMatch(/^result \{"hash":"0x/);
      expect(result.summary).toContain(
        'quantity-leading-zero accepted a non-canonical encoding and answered exactly as for the canonical one',
      );
    });

    it('fails under lenient-params: invalid input answered with 0x0 and null', async () => {
      const result = await env.runUnder(['lenient-params'], 'api-invalid-params-rejected');
      expect(result.status).toBe('fail');
      expect(result.summary).toContain(
        'address-19-bytes accepted invalid input (an address is 20 bytes): result "0x0"',
      );
      expect(result.summary).toContain(
        'tx-hash-31-bytes accepted invalid input (a transaction hash is 32 bytes): result null',
      );
    });
  });
});
