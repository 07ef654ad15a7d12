import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { readSlot } from '../../shared/readSlot.ts';
import { ModelMismatchError } from '../../transfers/ModelMismatchError.ts';
import { assertStorageMatches } from '../assertStorageMatches.ts';
import type { StorageModel } from '../StorageModel.ts';

/**
 * Reads slot 1 at the block of an earlier write (index modulo the writes so far; 0 is the value
 * before the run): the state as of a past block must stay what it was, however the chain moved on.
 */
export class ReadPastCommand implements PropertyCommand<StorageModel> {
  constructor(readonly index: number) {}

  check(): boolean {
    return true;
  }

  async run(m: StorageModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const write = m.writes[this.index % m.writes.length]!;
    const value = await readSlot(s, { slot: '0x1', getter: 'get', block: write.block }, label);
    if (value !== write.value) {
      throw new ModelMismatchError(
        `${label}: slot 1 at block ${write.block} reads ${value}, but it held ${write.value} then${value === m.stored ? ' (the latest value)' : ''}`,
        { block: String(write.block), value: String(write.value) },
        { block: String(write.block), value: String(value) },
      );
    }
    await assertStorageMatches(m, s, label);
  }

  step(): CommandStep {
    return { name: 'ReadPast', args: [this.index] };
  }

  toString(): string {
    return `ReadPast(${this.index})`;
  }
}
