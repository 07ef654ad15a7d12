import type { SignedTx } from '#core/adapter/ChainAdapter.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded, assertAccountsMatch } from '../../shared/AccountsModel.ts';
import { confirmIncluded, submitTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { ModelMismatchError } from '../../transfers/ModelMismatchError.ts';
import type { NonceModel } from '../NonceModel.ts';

/**
 * `count` transfers from one account with consecutive nonces, all submitted (in nonce order, as
 * nodes that refuse gaps require) before any is awaited, so several are pending at once. Each must be
 * included once, in nonce order on the ledger, and the sender's nonce must move by `count`.
 */
export class BurstCommand implements PropertyCommand<NonceModel> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly count: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<NonceModel>): boolean {
    return m.balances[this.from]! >= BigInt(this.count) * (this.amount + m.feeReserve);
  }

  async run(m: NonceModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const from = identityAt(s, this.from, label);
    const to = identityAt(s, this.to, label);
    const first = m.nonces[this.from]!;
    const signed: SignedTx[] = [];
    for (let i = 0; i < this.count; i++) {
      signed.push(
        await s.adapter.transactions.sign({ kind: 'transfer', to: to.address, amount: this.amount }, from, {
          nonce: first + BigInt(i),
        }),
      );
    }
    for (const tx of signed) await submitTransaction(s, tx, `${label} nonce ${tx.nonce}`);
    const positions: { nonce: bigint; block: bigint; index: bigint }[] = [];
    for (const tx of signed) {
      const { outcome, fee } = await confirmIncluded(s, tx, {
        label: `${label} nonce ${tx.nonce}`,
        status: 'success',
      });
      applyIncluded(m, { from: this.from, to: this.to, value: this.amount, fee });
      const index = outcome.raw.transactionIndex;
      positions.push({ nonce: tx.nonce!, block: outcome.blockNumber, index: BigInt(String(index ?? '0x0')) });
    }
    for (let i = 1; i < positions.length; i++) {
      const a = positions[i - 1]!;
      const b = positions[i]!;
      if (b.block < a.block || (b.block === a.block && b.index <= a.index)) {
        throw new ModelMismatchError(
          `${label}: nonce ${b.nonce} sits at block ${b.block} index ${b.index}, before nonce ${a.nonce} (block ${a.block} index ${a.index})`,
          'ledger order = nonce order',
          positions.map((p) => ({ nonce: String(p.nonce), block: String(p.block), index: String(p.index) })),
        );
      }
    }
    await assertAccountsMatch(m, s, label);
  }

  step(): CommandStep {
    return { name: 'Burst', args: [this.from, this.to, this.count, String(this.amount)] };
  }

  toString(): string {
    return `Burst(${this.from} → ${this.to}, ${this.count} × ${this.amount} wei)`;
  }
}
