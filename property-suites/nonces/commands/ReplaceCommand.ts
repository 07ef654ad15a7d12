import type { SignedTx, TxOutcome } from '#core/adapter/ChainAdapter.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded, assertAccountsMatch } from '../../shared/AccountsModel.ts';
import { confirmIncluded, submitTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import {
  identityAt,
  notePropertyEvent,
  type PropertySystem,
  startCommand,
} from '../../shared/PropertySystem.ts';
import { ModelMismatchError } from '../../transfers/ModelMismatchError.ts';
import type { NonceModel } from '../NonceModel.ts';

const pollMs = 100;
/** Above the 10% geth and anvil ask of a replacement, with room for a fee oracle that moved. */
export const replacementFeeBumpPercent = 50;

/**
 * A pending transfer replaced by the same transfer with the same nonce and a higher fee (the
 * "speed up" every wallet offers). Exactly one of the two is included, the sender pays that one's
 * fee only, and its nonce moves by one. Whether a replacement was possible depends on the node, and
 * the command notes which case it met (`notePropertyEvent`, reported with the verdict):
 * - `replacement: first already included` — an automining node mined the first at once, so the
 *   higher-fee one reuses a spent nonce and must be refused;
 * - `replacement: accepted while pending` — the node took it (either may end up included);
 * - `replacement: refused while pending` — the node kept the first (a pool may demand a larger bump).
 * None of these is a failure; both included, neither included, a fee charged for the one not
 * included, or a spent nonce accepted are.
 */
export class ReplaceCommand implements PropertyCommand<NonceModel> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<NonceModel>): boolean {
    return this.from !== this.to && m.balances[this.from]! >= this.amount + m.feeReserve;
  }

  async run(m: NonceModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const { transactions } = s.adapter;
    const from = identityAt(s, this.from, label);
    const nonce = m.nonces[this.from]!;
    const intent = {
      kind: 'transfer',
      to: identityAt(s, this.to, label).address,
      amount: this.amount,
    } as const;
    const first = await transactions.sign(intent, from, { nonce });
    const faster = await transactions.sign(intent, from, {
      nonce,
      feeBumpPercent: replacementFeeBumpPercent,
    });
    await submitTransaction(s, first, `${label} first`);
    const includedBefore = (await transactions.getOutcome(first.txId)) !== null;
    const answer = await transactions.submit(faster);
    if (includedBefore && answer.accepted) {
      throw new ModelMismatchError(
        `${label}: the node accepted a higher-fee transaction with nonce ${nonce}, already used by included ${first.txId}`,
        { accepted: false, reason: 'nonce too low' },
        { accepted: true, txId: answer.txId },
      );
    }
    // An automining node may record the first a moment after acknowledging it: a refusal of the
    // second with the first then on the ledger is the same case as the first already included.
    const firstAlreadyIncluded =
      includedBefore || (!answer.accepted && (await transactions.getOutcome(first.txId)) !== null);
    if (firstAlreadyIncluded) {
      notePropertyEvent(s, 'replacement: first already included (automine), higher fee refused');
    } else {
      notePropertyEvent(
        s,
        answer.accepted ? 'replacement: accepted while pending' : 'replacement: refused while pending',
      );
    }
    const candidates: SignedTx[] = answer.accepted && !firstAlreadyIncluded ? [first, faster] : [first];
    const winner = await firstIncluded(s, candidates);
    if (winner === undefined) {
      throw new ModelMismatchError(
        `${label}: neither transaction with nonce ${nonce} is on the ledger after ${s.receiptTimeoutMs} ms`,
        'one included',
        'none included',
      );
    }
    for (const other of [first, faster]) {
      if (other === candidates[winner.index] || (await transactions.getOutcome(other.txId)) === null)
        continue;
      throw new ModelMismatchError(
        `${label}: both transactions with nonce ${nonce} are on the ledger (${first.txId}, ${faster.txId})`,
        'one included',
        'both included',
      );
    }
    const included = candidates[winner.index]!;
    if (included === faster) notePropertyEvent(s, 'replacement: higher-fee transaction included');
    // The included one's fee alone (gasUsed × its effectiveGasPrice): the other must have cost nothing.
    const { fee } = await confirmIncluded(s, included, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce },
    });
    applyIncluded(m, { from: this.from, to: this.to, value: this.amount, fee });
    await assertAccountsMatch(m, s, label);
  }

  step(): CommandStep {
    return { name: 'Replace', args: [this.from, this.to, String(this.amount)] };
  }

  toString(): string {
    return `Replace(${this.from} → ${this.to}, ${this.amount} wei, fee +${replacementFeeBumpPercent}%)`;
  }
}

/** The first of `candidates` found on the ledger within the receipt timeout. */
async function firstIncluded(
  s: PropertySystem,
  candidates: readonly SignedTx[],
): Promise<{ readonly index: number; readonly outcome: TxOutcome } | undefined> {
  const deadline = Date.now() + s.receiptTimeoutMs;
  for (;;) {
    for (const [index, tx] of candidates.entries()) {
      const outcome = await s.adapter.transactions.getOutcome(tx.txId);
      if (outcome) return { index, outcome };
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
