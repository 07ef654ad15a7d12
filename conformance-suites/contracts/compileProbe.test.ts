import { describe, expect, it } from 'vitest';
import probeJson from './build/Probe.json' with { type: 'json' };
import { compileProbe } from './compileProbe.ts';

describe('compileProbe', () => {
  // Catches a Probe.sol edit committed without "npm run build:contracts", and any non-determinism in
  // the pinned compiler settings: the committed artifact must be exactly what a rebuild produces.
  it('rebuilds the committed artifact byte for byte', () => {
    expect(JSON.parse(JSON.stringify(compileProbe()))).toEqual(probeJson);
  });
});
