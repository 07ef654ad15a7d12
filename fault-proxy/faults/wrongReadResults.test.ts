import { describe, expect, it } from 'vitest';
import { wrongReadEvery, wrongReadResults } from './wrongReadResults.ts';

const call = { jsonrpc: '2.0', id: 1, method: 'eth_call', params: [] };
const balance = { jsonrpc: '2.0', id: 2, method: 'eth_getBalance', params: [] };
const word = `0x${'00'.repeat(31)}2a`;

describe('wrongReadResults', () => {
  it('changes every 10th read answer and leaves the rest and other methods alone', () => {
    const counter = { reads: 0 };
    const answers = Array.from({ length: 2 * wrongReadEvery }, (_, i) =>
      i % 2 === 0
        ? wrongReadResults(call, { jsonrpc: '2.0', id: 1, result: word }, counter).result
        : wrongReadResults(balance, { jsonrpc: '2.0', id: 2, result: '0x10' }, counter).result,
    );
    expect(answers[wrongReadEvery - 1]).toBe('0x11');
    expect(answers[2 * wrongReadEvery - 1]).toBe('0x11');
    expect(answers.filter((a) => a !== word && a !== '0x10')).toHaveLength(2);
    const other = { jsonrpc: '2.0', id: 3, result: '0x5' };
    expect(wrongReadResults({ ...call, method: 'eth_blockNumber' }, other, counter)).toBe(other);
    counter.reads = wrongReadEvery - 1;
    expect(wrongReadResults(call, { jsonrpc: '2.0', id: 1, result: word }, counter).result).toBe(
      `0x${'00'.repeat(31)}d5`,
    );
  });
});
