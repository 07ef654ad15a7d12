import { describe, expect, it } from 'vitest';
import { methodNamespace, rejectDisallowedNamespace } from './rejectDisallowedNamespace.ts';

describe('rejectDisallowedNamespace', () => {
  const allowed = ['eth', 'net', 'web3'];

  it('answers -32601 for a method outside the allowed namespaces', () => {
    expect(rejectDisallowedNamespace({ id: 5, method: 'anvil_mine' }, allowed)).toEqual({
      jsonrpc: '2.0',
      id: 5,
      error: { code: -32601, message: 'Method not found' },
    });
  });

  it('lets allowed namespaces through, and everything through without a list', () => {
    expect(rejectDisallowedNamespace({ id: 1, method: 'eth_chainId' }, allowed)).toBeUndefined();
    expect(rejectDisallowedNamespace({ id: 1, method: 'debug_traceTransaction' }, undefined)).toBeUndefined();
  });

  it('takes the namespace as the part before the first underscore', () => {
    expect(methodNamespace('eth_getBlockByNumber')).toBe('eth');
    expect(methodNamespace('rpc_modules')).toBe('rpc');
    expect(methodNamespace('nounderscore')).toBe('nounderscore');
  });
});
