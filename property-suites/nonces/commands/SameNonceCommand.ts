import type { TxOutcome } from '#core/adapter/ChainAdapter.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded, assertAccountsMatch } from '../../shared/AccountsModel.ts';
import { confirmIncluded, submitTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { ModelMismatchError } from '../../transfers/ModelMismatchError.ts';
import type { NonceModel } from '../NonceModel.ts';

const pollMs = 100;

/**
 * Two different transfers from one account with the same nonce, sent back to back (a double spend
 * attempt). Exactly one may be included and the nonce moves by one. When the first is already on the
 * ledger before the second is sent (automine), the second reuses a spent nonce and must be refused;
 * otherwise the node may refuse it or keep either (a mempool replacement), never both. Once one is
 * included, a third transaction with that nonce must be refused.
 */
export class SameNonceCommand implements PropertyCommand<NonceModel> {
  constructor(
    readonly from: number,
    readonly firstTo: number,
    readonly secondTo: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<NonceModel>): boolean {
    return this.firstTo !== this.secondTo && m.balances[this.from]! >= this.amount + m.feeReserve;
  }

  async run(m: NonceModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const { transactions } = s.adapter;
    const from = identityAt(s, this.from, label);
    const nonce = m.nonces[this.from]!;
    const sign = (to: number) =>
      transactions.sign(
        { kind: 'transfer', to: identityAt(s, to, label).address, amount: this.amount },
        from,
        {
          nonce,
        },
      );
    const first = await sign(this.firstTo);
    const second = await sign(this.secondTo);
    await submitTransaction(s, first, `${label} first`);
    const firstAlreadyIncluded = (await transactions.getOutcome(first.txId)) !== null;
    const answer = await transactions.submit(second);
    if (answer.accepted && firstAlreadyIncluded) {
      throw new ModelMismatchError(
        `${label}: the node accepted a second transaction with nonce ${nonce}, already used by included ${first.txId}`,
        { accepted: false, reason: 'nonce too low' },
        { accepted: true, txId: answer.txId },
      );
    }
    // Whichever of the two the ledger records (a node may let the second replace the first).
    const candidates = answer.accepted ? [first, second] : [first];
    const deadline = Date.now() + s.receiptTimeoutMs;
    let winner: { index: number; outcome: TxOutcome } | undefined;
    while (winner === undefined) {
      for (const [index, tx] of candidates.entries()) {
        const outcome = await transactions.getOutcome(tx.txId);
        if (outcome) winner = { index, outcome };
      }
      if (winner !== undefined || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    if (winner === undefined) {
      throw new ModelMismatchError(
        `${label}: neither transaction with nonce ${nonce} is on the ledger after ${s.receiptTimeoutMs} ms`,
        'one included',
        'none included',
      );
    }
    const other = candidates[1 - winner.index];
    if (other !== undefined && (await transactions.getOutcome(other.txId)) !== null) {
      throw new ModelMismatchError(
        `${label}: both transactions with nonce ${nonce} are on the ledger (${first.txId}, ${second.txId})`,
        'one included',
        'both included',
      );
    }
    const included = candidates[winner.index]!;
    const { fee } = await confirmIncluded(s, included, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce },
    });
    applyIncluded(m, {
      from: this.from,
      to: winner.index === 0 ? this.firstTo : this.secondTo,
      value: this.amount,
      fee,
    });
    await assertAccountsMatch(m, s, label);
    // Settled: a third transaction with the spent nonce can never be included and must be refused,
    // whatever the node's mining mode (on an automining node the second already was).
    const third = await transactions.sign(
      { kind: 'transfer', to: identityAt(s, this.firstTo, label).address, amount: this.amount + 1n },
      from,
      { nonce },
    );
    const late = await transactions.submit(third);
    if (late.accepted) {
      throw new ModelMismatchError(
        `${label}: the node accepted a third transaction with nonce ${nonce}, already used by included ${included.txId}`,
        { accepted: false, reason: 'nonce too low' },
        { accepted: true, txId: late.txId },
      );
    }
    await assertAccountsMatch(m, s, `${label} (spent nonce resent)`);
  }

  step(): CommandStep {
    return { name: 'SameNonce', args: [this.from, this.firstTo, this.secondTo, String(this.amount)] };
  }

  toString(): string {
    return `SameNonce(${this.from} → ${this.firstTo} | ${this.secondTo}, ${this.amount} wei)`;
  }
}
