import { describe, expect, it } from 'vitest';
import { logsDropped } from './logsDropped.ts';

const log = (block: string) => ({ blockNumber: block, logIndex: '0x0' });
const request = (fromBlock: string, toBlock: string) => ({
  id: 1,
  method: 'eth_getLogs',
  params: [{ fromBlock, toBlock }],
});

describe('logsDropped', () => {
  it('omits the logs of the last block of a multi-block range', () => {
    const response = { id: 1, result: [log('0x2'), log('0x3'), log('0x4'), log('0x4')] };
    expect(logsDropped(request('0x2', '0x4'), response).result).toEqual([log('0x2'), log('0x3')]);
  });

  it('leaves single-block ranges, tags, blockHash queries and other methods alone', () => {
    const response = { id: 1, result: [log('0x4')] };
    expect(logsDropped(request('0x4', '0x4'), response)).toBe(response);
    expect(logsDropped(request('0x2', 'latest'), response)).toBe(response);
    expect(
      logsDropped(
        { id: 1, method: 'eth_getLogs', params: [{ blockHash: `0x${'11'.repeat(32)}` }] },
        response,
      ),
    ).toBe(response);
    expect(logsDropped({ ...request('0x2', '0x4'), method: 'eth_getFilterLogs' }, response)).toBe(response);
  });
});
