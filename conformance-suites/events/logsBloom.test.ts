import { describe, expect, it } from 'vitest';
import { bloomContains, logsBloom } from './logsBloom.ts';
import { expectedProbeEvents } from './probeEventLogs.ts';

describe('logsBloom', () => {
  it('is all zeros without logs', () => {
    expect(logsBloom([])).toBe(`0x${'00'.repeat(256)}`);
  });

  // The receipt of Probe.emitEvents(5, 2) at 0x5fbdb2315678afecb367f032d93f642f64180aa3 on anvil 1.7.1
  // and Hardhat 2.29.1 (both deploy the probe there first).
  it('matches the bloom a real node put in the receipt of emitEvents(5, 2)', () => {
    const logs = expectedProbeEvents('0x5fbdb2315678afecb367f032d93f642f64180aa3', 5n, 2);
    expect(logsBloom(logs)).toBe(
      '0x000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000100000001000000000000000000000001000000400000000000000000000000000c0020000000000000000002800000000000000000000000000000000000000000000000000000000000000001000000800000000000008000200000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000060000000800000000000000000000000000000000000000000000000000000000000',
    );
  });

  it('tells whether one bloom covers another', () => {
    const one = logsBloom(expectedProbeEvents(`0x${'11'.repeat(20)}`, 1n, 1));
    const both = logsBloom([
      ...expectedProbeEvents(`0x${'11'.repeat(20)}`, 1n, 1),
      ...expectedProbeEvents(`0x${'22'.repeat(20)}`, 2n, 1),
    ]);
    expect(bloomContains(both, one)).toBe(true);
    expect(bloomContains(one, both)).toBe(false);
  });
});
