import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';

/**
 * Issue 7 item 11: every result says how to reproduce it — the exact requests the check sent, in
 * order. Replaying a recorded request by hand against the same node gives the same kind of answer.
 */
describe('check results carry the JSON-RPC requests that reproduce them', () => {
  let anvil: RunningAnvil;
  let adapter: ChainAdapter;
  beforeAll(async () => {
    anvil = await startAnvil();
    adapter = await createEvmAdapter({
      url: anvil.url,
      signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
    });
  });
  afterAll(async () => {
    await adapter.close();
    await anvil.stop();
  });

  it('records the replayed raw transaction of TX-02 and its refusal, replayable with curl-like POSTs', async () => {
    const runner = await createCheckRunner(adapter);
    const result = await runner.run('tx-raw-replay-rejected');
    expect(result.status).toBe('pass');
    const exchanges = result.transcript?.exchanges ?? [];
    const sends = exchanges.filter((x) => x.request.includes('"eth_sendRawTransaction"'));
    expect(sends.length).toBeGreaterThanOrEqual(2);
    // The same bytes twice: the second answer is the refusal the verdict rests on.
    const [first, second] = sends.map((x) => JSON.parse(x.request).params[0]);
    expect(second).toBe(first);
    expect(sends.at(-1)?.response).toMatch(/"error"/);
    for (const x of exchanges) expect(x.endpoint).toBe(anvil.url);

    // Replaying the recorded refusal by hand: still refused (the nonce is spent).
    const replay = await fetch(anvil.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sends.at(-1)?.request ?? '',
    });
    expect(await replay.json()).toMatchObject({ error: { code: expect.any(Number) } });
  });
});
