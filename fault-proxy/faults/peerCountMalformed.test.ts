import { describe, expect, it } from 'vitest';
import { peerCountMalformed } from './peerCountMalformed.ts';

describe('peerCountMalformed', () => {
  it('answers net_peerCount with a JSON number', () => {
    expect(peerCountMalformed({ id: 3, method: 'net_peerCount', params: [] })).toEqual({
      jsonrpc: '2.0',
      id: 3,
      result: 25,
    });
  });

  it('forwards everything else', () => {
    expect(peerCountMalformed({ id: 3, method: 'net_listening', params: [] })).toBeUndefined();
  });
});
