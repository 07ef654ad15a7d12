import { describe, expect, it } from 'vitest';
import { checkHistory } from './checkHistory.ts';
import { type History, type NewOp, type Placement, record, type TransferOp } from './History.ts';

const E = 10n ** 18n;
const fee = 21_000n * 1_000_000_000n;
const hash = (n: number, fork = 'a') => `0x${fork.repeat(2)}${n.toString(16).padStart(62, '0')}`;
const tx = (n: number) => `0x${'f'.repeat(2)}${n.toString(16).padStart(62, '0')}`;

/** A history over two endpoints and three accounts, baseline at block 10 of endpoint 1. */
function history(): History {
  return {
    endpoints: ['endpoint 1 (a)', 'endpoint 2 (b)'],
    accounts: ['0x01', '0x02', '0x03'],
    baseline: { endpoint: 0, block: 10n, hash: hash(10), balances: [E, E, E], nonces: [0n, 0n, 0n] },
    syncBoundMs: 1_000,
    ops: [],
  };
}

let clock = 0;
const times = () => ({ invokedAtMs: clock++, completedAtMs: clock++ });

/** Account `from` sends 1000 wei to `to` through `endpoint`, included at `block`. */
function send(
  h: History,
  o: {
    endpoint?: number;
    from?: number;
    to?: number;
    nonce?: bigint;
    block: number;
    fork?: string;
    id: number;
  },
): TransferOp {
  const placement: Placement = {
    blockNumber: BigInt(o.block),
    blockHash: hash(o.block, o.fork),
    transactionIndex: 0n,
    status: 'success',
  };
  return record(h, {
    kind: 'transfer',
    endpoint: o.endpoint ?? 0,
    ...times(),
    height: BigInt(o.block - 1),
    from: o.from ?? 0,
    to: o.to ?? 1,
    value: 1000n,
    nonce: o.nonce ?? 0n,
    txId: tx(o.id),
    outcome: { kind: 'included', fee, ...placement },
  }) as TransferOp;
}

function readState(
  h: History,
  o: { endpoint: number; height: number; atBlock?: number; account: number; balance: bigint; nonce: bigint },
): void {
  record(h, {
    kind: 'read-state',
    endpoint: o.endpoint,
    ...times(),
    height: BigInt(o.height),
    account: o.account,
    atBlock: BigInt(o.atBlock ?? o.height),
    balance: o.balance,
    nonce: o.nonce,
  });
}

const op = (h: History, o: NewOp) => record(h, o);
const kinds = (h: History) => checkHistory(h).map((a) => a.kind);

describe('checkHistory (PROP-08, Elle-style)', () => {
  it('accepts a consistent history across two endpoints, including a lagging read below the transfer', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    readState(h, { endpoint: 1, height: 11, account: 0, balance: E - 1000n - fee, nonce: 1n });
    readState(h, { endpoint: 1, height: 11, account: 1, balance: E + 1000n, nonce: 0n });
    // State at the block before the transfer: legal, and judged as such.
    readState(h, { endpoint: 1, height: 11, atBlock: 10, account: 0, balance: E, nonce: 0n });
    op(h, {
      kind: 'read-receipt',
      endpoint: 1,
      ...times(),
      height: 11n,
      txId: t.txId,
      receipt: { ...(t.outcome as Placement) },
    });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'number',
      query: '11',
      block: { number: 11n, hash: hash(11) },
    });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'hash',
      query: hash(11),
      block: { number: 11n, hash: hash(11) },
    });
    // The same receipt read again on the other endpoint agrees with the submitting one.
    op(h, {
      kind: 'read-receipt',
      endpoint: 1,
      ...times(),
      height: 11n,
      txId: t.txId,
      receipt: { ...(t.outcome as Placement) },
    });
    expect(checkHistory(h)).toEqual([]);
  });

  it('does not judge a lagging endpoint below the transfer: no receipt, old state, unknown block by hash', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    readState(h, { endpoint: 1, height: 10, account: 0, balance: E, nonce: 0n });
    op(h, { kind: 'read-receipt', endpoint: 1, ...times(), height: 10n, txId: t.txId, receipt: null });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 10n,
      by: 'hash',
      query: hash(11),
      block: null,
    });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 10n,
      by: 'number',
      query: '11',
      block: null,
    });
    expect(checkHistory(h)).toEqual([]);
  });

  it('finds a lost update: an included transfer missing from a read at its block', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    readState(h, { endpoint: 1, height: 11, account: 1, balance: E, nonce: 0n });
    const [anomaly] = checkHistory(h);
    expect(anomaly?.kind).toBe('lost-update');
    expect(anomaly?.message).toBe(
      `endpoint 2 (b) at block 11 reports balance ${E} for account 1; the history implies ${E + 1000n}: the effect of transfer #0 ${t.txId} (block 11) is missing`,
    );
  });

  it('finds a lost update from the sender’s nonce and names the missing transaction', () => {
    const h = history();
    send(h, { block: 11, id: 1 });
    send(h, { block: 12, id: 2, nonce: 1n });
    readState(h, { endpoint: 1, height: 12, account: 0, balance: E - 1000n - fee, nonce: 1n });
    const found = checkHistory(h);
    expect(found.map((a) => a.kind)).toEqual(['lost-update', 'lost-update']);
    expect(found[0]?.message).toMatch(
      /reports nonce 1 for account 0; the history implies 2: transfer #1 0x\w+ \(block 12\) missing/,
    );
  });

  it('finds a missing receipt on an endpoint that has reached its block', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    op(h, { kind: 'read-receipt', endpoint: 1, ...times(), height: 12n, txId: t.txId, receipt: null });
    expect(checkHistory(h)).toMatchObject([
      {
        kind: 'lost-update',
        op: 1,
        message: expect.stringMatching(
          /^endpoint 2 \(b\) has no receipt for transfer #0 .* although it reported height 12$/,
        ),
      },
    ]);
  });

  it('finds a double spend: two transactions of one sender with one nonce both included', () => {
    const h = history();
    send(h, { endpoint: 0, block: 11, id: 1, to: 1 });
    send(h, { endpoint: 1, block: 11, id: 2, to: 2, fork: 'b' });
    expect(kinds(h)).toContain('double-spend');
    expect(checkHistory(h).find((a) => a.kind === 'double-spend')?.message).toMatch(
      /^two transactions of account 0 with nonce 0 are both included: 0x\w+ in block 11 on endpoint 1 \(a\), 0x\w+ in block 11 on endpoint 2 \(b\)$/,
    );
  });

  it('accepts the superseded half of a same-nonce pair, and finds a double spend when it shows up anywhere', () => {
    const h = history();
    const winner = send(h, { endpoint: 0, block: 11, id: 1, to: 1 });
    const loser = op(h, {
      kind: 'transfer',
      endpoint: 1,
      ...times(),
      height: 10n,
      from: 0,
      to: 2,
      value: 1000n,
      nonce: 0n,
      txId: tx(2),
      outcome: { kind: 'superseded', by: winner.txId, detail: '-32003 nonce too low' },
    }) as TransferOp;
    readState(h, { endpoint: 1, height: 11, account: 2, balance: E, nonce: 0n });
    op(h, { kind: 'read-receipt', endpoint: 1, ...times(), height: 11n, txId: loser.txId, receipt: null });
    expect(checkHistory(h)).toEqual([]);
    op(h, {
      kind: 'read-receipt',
      endpoint: 0,
      ...times(),
      height: 12n,
      txId: loser.txId,
      receipt: { blockNumber: 12n, blockHash: hash(12), transactionIndex: 0n, status: 'success' },
    });
    expect(checkHistory(h)).toMatchObject([
      {
        kind: 'double-spend',
        op: 4,
        message: `two transactions of account 0 with nonce 0 are both included: ${winner.txId} in block 11 on endpoint 1 (a), ${loser.txId} in block 12 on endpoint 1 (a)`,
      },
    ]);
  });

  it('finds a double spend a balance implies: a transfer applied twice', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    readState(h, { endpoint: 1, height: 12, account: 0, balance: E - 2n * (1000n + fee), nonce: 1n });
    expect(checkHistory(h)).toMatchObject([
      {
        kind: 'double-spend',
        message: expect.stringContaining(`transfer #0 ${t.txId} (block 11) applied twice`),
      },
    ]);
  });

  it('finds divergence: two hashes for one block number, different receipts, a later transfer below a reported height', () => {
    const h = history();
    const t = send(h, { block: 11, id: 1 });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'number',
      query: '11',
      block: { number: 11n, hash: hash(11, 'b') },
    });
    op(h, {
      kind: 'read-receipt',
      endpoint: 1,
      ...times(),
      height: 11n,
      txId: t.txId,
      receipt: { ...(t.outcome as Placement), transactionIndex: 1n },
    });
    const found = checkHistory(h);
    expect(found.map((a) => a.kind)).toEqual(['divergence', 'divergence']);
    expect(found[0]?.message).toBe(
      `block 11 is ${hash(11, 'b')} on endpoint 2 (b) but ${hash(11)} on endpoint 1 (a) (operation 0)`,
    );
    expect(found[1]?.message).toMatch(
      /records transfer #0 .* in block 11 0x\w+ index 1 status success; endpoint 1 \(a\) in block 11 0x\w+ index 0 status success/,
    );

    const g = history();
    readState(g, { endpoint: 1, height: 64, account: 2, balance: E, nonce: 0n });
    send(g, { endpoint: 0, block: 11, id: 1 });
    expect(checkHistory(g)).toMatchObject([
      {
        kind: 'divergence',
        op: 1,
        message: expect.stringMatching(
          /had already reported height 64 before it was sent \(operation 0\): the ledgers are not one$/,
        ),
      },
    ]);
  });

  it('finds an unknown block by hash, or a missing block by number, at or below the endpoint’s height', () => {
    const h = history();
    send(h, { block: 11, id: 1 });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'hash',
      query: hash(11),
      block: null,
    });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'number',
      query: '11',
      block: null,
    });
    op(h, {
      kind: 'read-block',
      endpoint: 1,
      ...times(),
      height: 11n,
      by: 'number',
      query: '11',
      block: { number: 10n, hash: hash(10) },
    });
    expect(checkHistory(h).map((a) => [a.kind, a.op])).toEqual([
      ['divergence', 1],
      ['divergence', 2],
      ['divergence', 3],
    ]);
  });

  it('finds non-monotonic reads per endpoint, not across endpoints', () => {
    const h = history();
    readState(h, { endpoint: 0, height: 12, account: 0, balance: E, nonce: 0n });
    readState(h, { endpoint: 1, height: 10, account: 0, balance: E, nonce: 0n });
    readState(h, { endpoint: 0, height: 11, account: 0, balance: E, nonce: 0n });
    expect(checkHistory(h)).toMatchObject([
      {
        kind: 'non-monotonic-read',
        op: 2,
        message: 'endpoint 1 (a) reported height 11 at operation 2 after height 12 at operation 0',
      },
    ]);
  });

  it('reports an endpoint that did not reach a block within the bound as not visible', () => {
    const h = history();
    send(h, { block: 11, id: 1 });
    op(h, {
      kind: 'await-height',
      endpoint: 1,
      ...times(),
      height: 3n,
      required: 11n,
      reason: 'transfer #0',
      reached: 3n,
      waitedMs: 1000,
    });
    expect(checkHistory(h)).toMatchObject([
      {
        kind: 'not-visible',
        message:
          'transfer #0 is not visible on endpoint 2 (b) after 1000 ms: it is at height 3, below block 11',
      },
    ]);
  });

  it('reports refused and unrecorded transfers, and does not count them in balances', () => {
    const h = history();
    const base = {
      kind: 'transfer',
      endpoint: 1,
      height: 10n,
      from: 0,
      to: 1,
      value: 5n,
      nonce: 0n,
    } as const;
    op(h, {
      ...base,
      ...times(),
      txId: tx(1),
      outcome: { kind: 'refused', error: '-32000 insufficient funds' },
    });
    op(h, { ...base, ...times(), txId: tx(2), outcome: { kind: 'not-included', afterMs: 5000 } });
    readState(h, { endpoint: 0, height: 12, account: 0, balance: E, nonce: 0n });
    expect(kinds(h)).toEqual(['refused', 'not-included']);
  });

  it('says when a state no subset of transfers explains, and when an endpoint lacks the baseline', () => {
    const h = history();
    readState(h, { endpoint: 1, height: 64, account: 0, balance: 0n, nonce: 0n });
    expect(checkHistory(h)[0]?.message).toBe(
      `endpoint 2 (b) at block 64 reports balance 0 for account 0; the history implies ${E} (the baseline of block 10 on endpoint 1 (a)): the endpoint does not hold that state`,
    );
    const g = history();
    send(g, { block: 11, id: 1 });
    readState(g, { endpoint: 1, height: 11, account: 1, balance: E + 7n, nonce: 0n });
    expect(checkHistory(g)).toMatchObject([{ kind: 'inconsistent-read' }]);
  });
});
