import { describe, expect, it } from 'vitest';
import { logsTopicFilterIgnored } from './logsTopicFilterIgnored.ts';

describe('logsTopicFilterIgnored', () => {
  it('drops the topics of an eth_getLogs filter and keeps the rest', () => {
    const request = {
      id: 1,
      method: 'eth_getLogs',
      params: [
        {
          fromBlock: '0x1',
          toBlock: '0x2',
          address: `0x${'11'.repeat(20)}`,
          topics: [`0x${'22'.repeat(32)}`],
        },
      ],
    };
    expect(logsTopicFilterIgnored(request).params).toEqual([
      { fromBlock: '0x1', toBlock: '0x2', address: `0x${'11'.repeat(20)}` },
    ]);
  });

  it('leaves filters without topics and other methods alone', () => {
    const plain = { id: 1, method: 'eth_getLogs', params: [{ fromBlock: '0x1' }] };
    const other = { id: 1, method: 'eth_newFilter', params: [{ topics: [null] }] };
    expect(logsTopicFilterIgnored(plain)).toBe(plain);
    expect(logsTopicFilterIgnored(other)).toBe(other);
  });
});
