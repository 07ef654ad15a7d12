import { describe, expect, it } from 'vitest';
import { filterLogsConsumeChanges } from './filterLogsConsumeChanges.ts';

const log = (index: number) => ({ blockHash: `0x${'11'.repeat(32)}`, logIndex: `0x${index.toString(16)}` });
const call = (method: string) => ({ id: 1, method, params: ['0x1'] });

describe('filterLogsConsumeChanges', () => {
  it('answers eth_getFilterLogs with only the logs no poll has returned yet', () => {
    const delivered = new Map<string, Set<string>>();
    const changes = filterLogsConsumeChanges(
      call('eth_getFilterChanges'),
      { id: 1, result: [log(0), log(1)] },
      delivered,
    );
    expect(changes.result).toEqual([log(0), log(1)]);
    const all = filterLogsConsumeChanges(
      call('eth_getFilterLogs'),
      { id: 1, result: [log(0), log(1), log(2)] },
      delivered,
    );
    expect(all.result).toEqual([log(2)]);
    const next = filterLogsConsumeChanges(
      call('eth_getFilterChanges'),
      { id: 1, result: [log(2)] },
      delivered,
    );
    expect(next.result).toEqual([]);
  });

  it('leaves block-hash answers and other methods alone', () => {
    const delivered = new Map<string, Set<string>>();
    const hashes = { id: 1, result: [`0x${'22'.repeat(32)}`] };
    const logs = { id: 1, result: [log(0)] };
    expect(filterLogsConsumeChanges(call('eth_getFilterChanges'), hashes, delivered)).toBe(hashes);
    expect(filterLogsConsumeChanges(call('eth_getLogs'), logs, delivered)).toBe(logs);
  });
});
