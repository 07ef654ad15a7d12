import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createPinnedLookup } from './createPinnedLookup.ts';

/** Calls the lookup as net.connect does and collects its answer. */
function lookUp(hostname: string, options: LookupOptions, addresses = ['93.184.215.14', '2606:2800::1']) {
  const lookup = createPinnedLookup('rpc.example.com', addresses);
  return new Promise<{
    error: NodeJS.ErrnoException | null;
    address: string | LookupAddress[];
    family: number | undefined;
  }>((resolve) => lookup(hostname, options, (error, address, family) => resolve({ error, address, family })));
}

describe('createPinnedLookup', () => {
  it('answers the checked host with the checked addresses only, never asking DNS', async () => {
    expect(await lookUp('rpc.example.com', { all: true })).toEqual({
      error: null,
      address: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800::1', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookUp('RPC.Example.com', {})).toEqual({ error: null, address: '93.184.215.14', family: 4 });
  });

  it('honours the family asked for', async () => {
    expect(await lookUp('rpc.example.com', { family: 6 })).toMatchObject({
      address: '2606:2800::1',
      family: 6,
    });
    expect(await lookUp('rpc.example.com', { family: 'IPv4', all: true })).toMatchObject({
      address: [{ address: '93.184.215.14', family: 4 }],
    });
    const none = await lookUp('rpc.example.com', { family: 6 }, ['93.184.215.14']);
    expect(none.error?.code).toBe('ENOTFOUND');
    expect(none.error?.message).toMatch(/no checked IPv6 address/);
  });

  it('refuses any other name, so nothing but the checked target is reachable through it', async () => {
    const other = await lookUp('metadata.internal', {});
    expect(other.error?.code).toBe('ENOTFOUND');
    expect(other.error?.message).toMatch(
      /only the checked target host "rpc\.example\.com" may be connected to/,
    );
  });
});
