import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

const parameters = { receiptTimeoutMs: 5_000 };

async function connect(node: RunningNode): Promise<ChainAdapter> {
  return createEvmAdapter({ url: node.url, signer: { kind: 'local-key', privateKey: node.devPrivateKey } });
}

/**
 * The real behaviours of Hardhat 2.29.1 and ganache 7.9.2 behind the ledger checks' verdicts
 * (tests/support/nodeVerdicts/ledgerVerdicts.ts), each shown by the evidence the check records.
 */
describe('ledger checks on Hardhat 2.29.1', () => {
  let node: RunningNode;
  let adapter: ChainAdapter;
  let runner: CheckRunner;
  beforeAll(async () => {
    node = await startHardhat();
    adapter = await connect(node);
    runner = await createCheckRunner(adapter, { parameters });
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('serves eth_getProof: LED-06 verifies the account and the slot the check wrote', async () => {
    const result = await runner.run('ledger-state-proof-verifies');
    expect(result.status, result.summary).toBe('pass');
  });

  it('fails LED-08 after a burst of blocks: each automined block is stamped at least 1 s after its parent, running ahead of the clock', async () => {
    const txs = adapter.transactions;
    const primary = adapter.identities?.primary;
    if (!txs || !primary) throw new Error('the EVM adapter signs');
    // 40 transfers in well under a second: 40 blocks, each stamped >= its parent + 1 s.
    for (let i = 0; i < 40; i++) {
      const sent = await txs.submit(
        await txs.sign({ kind: 'transfer', to: primary.address, amount: 1n }, primary),
      );
      expect(sent.accepted).toBe(true);
    }
    const result = await runner.run('ledger-timestamps-sane');
    expect(result.status, result.summary).toBe('fail');
    expect(result.summary).toMatch(
      /is stamped \S+, \d\d s after its receipt was read \(harness clock\); the tolerance is 15000 ms/,
    );
    // Still strictly increasing: Hardhat never repeats a timestamp.
    expect(result.evidence?.equalTimestampPairs).toBe(0);
  });
});

describe('ledger checks on ganache 7.9.2', () => {
  let node: RunningNode;
  let runner: CheckRunner;
  beforeAll(async () => {
    node = await startGanache();
    runner = await createCheckRunner(await connect(node), { parameters });
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('serves eth_getProof: LED-06 verifies the account and the slot the check wrote', async () => {
    const result = await runner.run('ledger-state-proof-verifies');
    expect(result.status, result.summary).toBe('pass');
  });

  it('fails LED-11 on the block of its failed call: status 0 is committed as the byte 0x00', async () => {
    const result = await runner.run('ledger-receipts-root-recomputes');
    expect(result.status, result.summary).toBe('fail');
    const own = (result.evidence?.ownTransactions ?? []) as { label: string; block: string }[];
    const failed = own.find((t) => t.label === 'store-reverting');
    expect(result.evidence?.firstMismatches).toEqual(
      expect.arrayContaining([expect.objectContaining({ blockNumber: failed?.block })]),
    );
    expect(result.evidence?.diagnoses).toContain(
      `block ${failed?.block}: the reported root is what failed receipts give when status 0 is encoded as the byte 0x00 instead of the empty string (RLP of the integer 0; EIP-658)`,
    );
  });

  it('fails LED-10: a transaction index one past the end answers -32700 instead of null', async () => {
    const result = await runner.run('ledger-lookups-agree');
    expect(result.status, result.summary).toBe('fail');
    expect(result.evidence?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /eth_getTransactionByBlockNumberAndIndex\(…, 0x1\), one past the last transaction, answers error -32700 "Cannot read properties of undefined \(reading 'toJSON'\)" instead of null$/,
        ),
      ]),
    );
    // Every other lookup agrees: the index probe is the only problem, twice per block.
    const blocks = (result.evidence?.blocks ?? []) as string[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(result.evidence?.problemCount).toBe(2 * blocks.length);
  });

  it('passes LED-12 and LED-13: blooms and gas add up', async () => {
    for (const checkId of ['ledger-logs-bloom-recomputes', 'ledger-gas-used-consistent']) {
      const result = await runner.run(checkId);
      expect(result.status, `${checkId}: ${result.summary}`).toBe('pass');
    }
  });
});
