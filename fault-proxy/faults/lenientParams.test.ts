import { describe, expect, it } from 'vitest';
import { lenientParams } from './lenientParams.ts';

const request = (method: string) => ({ jsonrpc: '2.0', id: 7, method, params: [] });
const invalid = { jsonrpc: '2.0', id: 7, error: { code: -32602, message: 'invalid string length' } };

describe('lenientParams', () => {
  it.each([
    ['eth_getBalance', '0x0'],
    ['eth_getStorageAt', '0x'],
    ['eth_getLogs', []],
    ['eth_getTransactionByHash', null],
  ])('answers an invalid-params error of %s with the default %j', (method, result) => {
    expect(lenientParams(request(method), invalid)).toEqual({ jsonrpc: '2.0', id: 7, result });
  });

  it('leaves other errors and results alone (same reference)', () => {
    const other = { jsonrpc: '2.0', id: 7, error: { code: -32601, message: 'Method not found' } };
    expect(lenientParams(request('eth_foo'), other)).toBe(other);
    const ok = { jsonrpc: '2.0', id: 7, result: '0x1' };
    expect(lenientParams(request('eth_getBalance'), ok)).toBe(ok);
  });
});
