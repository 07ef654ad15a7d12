import { describe, expect, it } from 'vitest';
import { rotateBatchIds } from './batchIdsMismatched.ts';

describe('rotateBatchIds', () => {
  it('gives each answer the id of the next one, keeping every id exactly once', () => {
    const answers = [
      { jsonrpc: '2.0', id: 1, result: '0x7a69' },
      { jsonrpc: '2.0', id: 'b', error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: 4, result: '0x2' },
    ];
    expect(rotateBatchIds(answers)).toEqual([
      { jsonrpc: '2.0', id: 'b', result: '0x7a69' },
      { jsonrpc: '2.0', id: 4, error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: 1, result: '0x2' },
    ]);
  });

  it('leaves a single answer, an empty array and arrays with non-objects alone', () => {
    expect(rotateBatchIds([{ id: 1, result: '0x1' }])).toEqual([{ id: 1, result: '0x1' }]);
    expect(rotateBatchIds([])).toEqual([]);
    expect(rotateBatchIds([{ id: 1 }, 2])).toEqual([{ id: 1 }, 2]);
  });
});
