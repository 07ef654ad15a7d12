import type { SignedTx, TxOutcome } from '#core/adapter/ChainAdapter.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { CrossEndpointModel } from './CrossEndpointModel.ts';
import type { CrossEndpointSystem } from './CrossEndpointSystem.ts';
import { applyTransfer, heightOf, includedOutcome, now } from './endpointOps.ts';
import { record, type TransferOp, type TransferOutcome } from './History.ts';

const pollMs = 100;

/**
 * A double-spend attempt across endpoints: two transfers of one sender with the same nonce to two
 * different accounts, submitted at once, the first through endpoint `a`, the second through `b`. One
 * network includes at most one; the other is refused or never recorded (`superseded`, legal). Both
 * included is a double spend (checkHistory); neither, after the receipt timeout, is `not-included`
 * (or `refused` when both were refused), as for a single transfer. Returns the two operations.
 */
export async function conflictingTransfers(
  m: CrossEndpointModel,
  s: CrossEndpointSystem,
  pair: { readonly from: number; readonly value: bigint; readonly a: number; readonly b: number },
): Promise<readonly TransferOp[]> {
  const { from, value } = pair;
  const nonce = m.nonces[from]!;
  const accounts = s.identities.length;
  const legs = [
    { e: pair.a, to: (from + 1) % accounts },
    { e: pair.b, to: (from + 2) % accounts },
  ];
  const signed: SignedTx[] = [];
  for (const leg of legs)
    signed.push(
      await s.network[0]!.transactions.sign(
        { kind: 'transfer', to: s.identities[leg.to]!.address, amount: value },
        s.identities[from]!,
        { nonce },
      ),
    );
  const heights = await Promise.all(legs.map((leg) => heightOf(s, leg.e)));
  const invokedAtMs = now();
  const answers = await Promise.all(legs.map((leg, i) => s.network[leg.e]!.transactions.submit(signed[i]!)));
  const accepted = answers.map((answer, i) => {
    if (answer.accepted && answer.txId.toLowerCase() !== signed[i]!.txId.toLowerCase())
      throw new ModelMismatchError(
        `${s.labels[legs[i]!.e]} acknowledged transfer ${signed[i]!.txId} under another id`,
        signed[i]!.txId,
        answer.txId,
      );
    return answer.accepted;
  });
  // Follow the accepted ones on the endpoints they were sent through until one is recorded.
  const outcomes: (TxOutcome | null)[] = [null, null];
  const deadline = now() + s.receiptTimeoutMs;
  const recorded = (): boolean => outcomes.some((o) => o !== null);
  while (accepted.some(Boolean) && !recorded() && now() < deadline) {
    s.signal.throwIfAborted();
    for (const [i, leg] of legs.entries())
      if (accepted[i]) outcomes[i] = await s.network[leg.e]!.transactions.getOutcome(signed[i]!.txId);
    if (!recorded()) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  // Once one is recorded, look once more for the other (both recorded is what is being tested).
  for (const [i, leg] of legs.entries())
    if (accepted[i] && outcomes[i] === null && recorded())
      outcomes[i] = await s.network[leg.e]!.transactions.getOutcome(signed[i]!.txId);
  const completedAtMs = now();
  const winner = outcomes.findIndex((o) => o !== null);
  const allRefused = !accepted.some(Boolean);
  return legs
    .map((leg, i) => {
      const answer = answers[i]!;
      const outcome = outcomes[i];
      let result: TransferOutcome;
      if (outcome) result = includedOutcome(s.labels[leg.e]!, outcome);
      else if (winner >= 0)
        result = {
          kind: 'superseded',
          by: signed[winner]!.txId,
          detail: answer.accepted
            ? 'accepted, not recorded'
            : `${answer.error.code} ${answer.error.message.slice(0, 120)}`,
        };
      else if (!answer.accepted && allRefused)
        result = { kind: 'refused', error: `${answer.error.code} ${answer.error.message.slice(0, 160)}` };
      else if (!answer.accepted)
        result = {
          kind: 'superseded',
          by: signed[1 - i]!.txId,
          detail: `${answer.error.code} ${answer.error.message.slice(0, 120)}`,
        };
      else result = { kind: 'not-included', afterMs: s.receiptTimeoutMs };
      const op = record(m.history, {
        kind: 'transfer',
        endpoint: leg.e,
        invokedAtMs,
        completedAtMs,
        height: heights[i]!,
        from,
        to: leg.to,
        value,
        nonce,
        txId: signed[i]!.txId,
        outcome: result,
      }) as TransferOp;
      if (result.kind === 'superseded') m.superseded.push(op);
      return op;
    })
    .map((op) => {
      applyTransfer(m, op);
      return op;
    });
}
