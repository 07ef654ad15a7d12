import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import type { CrossEndpointModel } from '../CrossEndpointModel.ts';
import { type CrossEndpointSystem, endpointAt } from '../CrossEndpointSystem.ts';
import { assertConsistent, catchUp, readBlock, readReceipt, readState } from '../endpointOps.ts';

/**
 * Reads through endpoint `via`, once it holds the history's newest block: account `account`'s
 * balance and nonce at the endpoint's height, and, when the history has included transfers, one of
 * them (`pick` modulo their count): its receipt and its block by number or by hash (`byHash`).
 */
export class ReadCommand implements PropertyCommand<CrossEndpointModel, CrossEndpointSystem> {
  constructor(
    readonly via: number,
    readonly account: number,
    readonly pick: number,
    readonly byHash: boolean,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: CrossEndpointModel, s: CrossEndpointSystem): Promise<void> {
    s.signal.throwIfAborted();
    s.commandsExecuted += 1;
    const via = endpointAt(s, this.via);
    const { reached } = await catchUp(m, s, via);
    if (reached) {
      await readState(m, s, via, this.account);
      const t = m.included[this.pick % Math.max(1, m.included.length)];
      if (t !== undefined && t.outcome.kind === 'included') {
        await readReceipt(m, s, via, t);
        await readBlock(m, s, via, this.byHash ? t.outcome.blockHash : t.outcome.blockNumber);
      }
    }
    assertConsistent(m, this.toString());
  }

  step(): CommandStep {
    return { name: 'Read', args: [this.via, this.account, this.pick, this.byHash] };
  }

  toString(): string {
    return `Read(via endpoint ${this.via + 1}: account ${this.account}, transfer ${this.pick}, block by ${this.byHash ? 'hash' : 'number'})`;
  }
}
