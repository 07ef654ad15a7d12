import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { failedReceiptDropped } from './failedReceiptDropped.ts';

const request = { id: 2, method: 'eth_getTransactionReceipt', params: [`0x${'aa'.repeat(32)}`] };

describe('failedReceiptDropped', () => {
  it('answers null for a failed receipt', () => {
    const response = failedReceiptDropped(request, { id: 2, result: { status: '0x0' } }, createProxyState());
    expect(response).toEqual({ id: 2, result: null });
  });

  it('passes successful receipts through', () => {
    const ok = { id: 2, result: { status: '0x1' } };
    expect(failedReceiptDropped(request, ok, createProxyState())).toBe(ok);
  });
});
