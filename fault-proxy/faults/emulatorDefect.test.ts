import { describe, expect, it } from 'vitest';
import { defectMethod } from '../emulation/EmulatorDefect.ts';
import { withEmulatorDefect } from './emulatorDefect.ts';

describe('withEmulatorDefect', () => {
  it('renames eth_sendRawTransaction to the defect submission, keeping id and raw bytes', () => {
    const request = { jsonrpc: '2.0', id: 7, method: 'eth_sendRawTransaction', params: ['0x02f8'] };
    expect(withEmulatorDefect(request, { skip: ['account-status'] })).toEqual({
      jsonrpc: '2.0',
      id: 7,
      method: defectMethod,
      params: ['0x02f8', { skip: ['account-status'] }],
    });
  });

  it('leaves every other request untouched (same reference)', () => {
    const call = { id: 1, method: 'eth_call', params: [{}, 'latest'] };
    expect(withEmulatorDefect(call, { skip: ['account-status'] })).toBe(call);
    const malformed = { id: 1, method: 'eth_sendRawTransaction', params: [42] };
    expect(withEmulatorDefect(malformed, { skip: [] })).toBe(malformed);
  });
});
