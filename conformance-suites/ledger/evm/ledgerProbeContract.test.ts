import { describe, expect, it } from 'vitest';
import { ledgerProbeInitCode, ledgerProbeRuntime, storedEventTopic } from './ledgerProbeContract.ts';

describe('the ledger probe bytecode', () => {
  it('copies exactly the runtime that follows the 11-byte init code', () => {
    const runtimeBytes = (ledgerProbeRuntime.length - 2) / 2;
    expect(ledgerProbeInitCode.slice(0, 24)).toBe(`0x60${runtimeBytes.toString(16)}80600b6000396000f3`);
    expect(`0x${ledgerProbeInitCode.slice(24)}`).toBe(ledgerProbeRuntime);
  });

  it('jumps to a JUMPDEST at 0x36 and logs the Stored(uint256) topic', () => {
    const byteAt = (offset: number) => ledgerProbeRuntime.slice(2 + 2 * offset, 4 + 2 * offset);
    expect(byteAt(0x05)).toBe('60');
    expect(byteAt(0x06)).toBe('36');
    expect(byteAt(0x36)).toBe('5b');
    expect(ledgerProbeRuntime).toContain(storedEventTopic.slice(2));
    expect(storedEventTopic).toBe('0xc6d8c0af6d21f291e7c359603aa97e0ed500f04db6e983b9fce75a91c6b8da6b');
  });
});
