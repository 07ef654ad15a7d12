import type { Identity, SignedTx } from '../adapter/ChainAdapter.ts';
import type { AdapterWith } from '../checks/AdapterWith.ts';
import { TargetError } from '../errors/TargetError.ts';

export interface FundingRequest {
  readonly identity: Identity;
  /** The balance it must hold, in native units; only the shortfall is sent. */
  readonly amount: bigint;
}

export interface FundIdentitiesOptions {
  readonly timeoutMs: number;
  /** Rounds of "read balances, top up the short ones"; a round repairs dropped top-ups. @default 3 */
  readonly rounds?: number;
}

/** Outcomes awaited at once: enough to overlap polling, few enough not to flood a remote node. */
const awaitConcurrency = 32;

/**
 * Tops up identities from `from` in batches with consecutive nonces, submitted in nonce order (a
 * node may hold back a nonce that arrives before its predecessor). The only place a run spends the
 * operator's funds, and it runs once, before any step: steps then send from their own identities
 * and never race for a nonce.
 */
export async function fundIdentities(
  adapter: AdapterWith<'account.fund'>,
  from: Identity,
  requests: readonly FundingRequest[],
  options: FundIdentitiesOptions,
): Promise<void> {
  const { accounts, transactions } = adapter;
  const rounds = options.rounds ?? 3;
  let lastProblem = '';
  /** Top-ups the node accepted but never recorded: evidence against the chain, not the operator. */
  let lost = 0;
  // An identity whose top-up the ledger records as successful is funded: balances are read only to
  // decide who is short, so a chain that misreports balances (balance-drift) cannot keep funding
  // looping; PROP-01 is the check that judges balances.
  let open = requests;
  for (let round = 0; round < rounds; round++) {
    const balances = await Promise.all(open.map((r) => accounts.getBalance(r.identity.address)));
    const short = open.flatMap((r, i) =>
      balances[i]! < r.amount
        ? [{ request: r, to: r.identity.address, amount: r.amount - balances[i]! }]
        : [],
    );
    if (short.length === 0) return;
    const nonce = await accounts.getNonce(from.address, 'pending');
    const signed: SignedTx[] = [];
    for (const [i, s] of short.entries()) {
      signed.push(
        await transactions.sign({ kind: 'transfer', to: s.to, amount: s.amount }, from, {
          nonce: nonce + BigInt(i),
        }),
      );
    }
    const accepted: { request: FundingRequest; txId: string }[] = [];
    for (const [i, tx] of signed.entries()) {
      const outcome = await transactions.submit(tx);
      if (outcome.accepted) accepted.push({ request: short[i]!.request, txId: outcome.txId });
      else lastProblem = `the node refused a top-up: ${outcome.error.code} ${outcome.error.message}`;
    }
    const funded = new Set<FundingRequest>();
    for (let i = 0; i < accepted.length; i += awaitConcurrency) {
      const batch = accepted.slice(i, i + awaitConcurrency);
      const outcomes = await Promise.all(
        batch.map((a) => transactions.awaitOutcome(a.txId, options.timeoutMs)),
      );
      for (const [j, o] of outcomes.entries()) {
        if (o?.status === 'success') funded.add(batch[j]!.request);
        else
          lastProblem =
            o === null ? `a top-up had no outcome after ${options.timeoutMs} ms` : 'a top-up reverted';
        if (o === null) lost += 1;
      }
    }
    open = open.filter((r) => !funded.has(r));
    if (open.length === 0) return;
  }
  const balances = await Promise.all(open.map((r) => accounts.getBalance(r.identity.address)));
  const stillShort = open.filter((r, i) => balances[i]! < r.amount);
  if (stillShort.length === 0) return;
  const needed = stillShort.reduce((sum, r) => sum + r.amount, 0n);
  throw new FundingError(
    `could not fund ${stillShort.length} test account(s) from ${from.address} in ${rounds} rounds${lastProblem ? ` (${lastProblem})` : ''}`,
    lost,
    {
      details: `they need about ${needed} native units in total; make sure the operator account holds that much and the target accepts its transfers`,
    },
  );
}

/** Funding failed; `lostTopUps` counts transfers the node accepted but never recorded. */
export class FundingError extends TargetError {
  constructor(
    message: string,
    readonly lostTopUps: number,
    options: ConstructorParameters<typeof TargetError>[1],
  ) {
    super(message, options);
    this.name = 'FundingError';
  }
}
