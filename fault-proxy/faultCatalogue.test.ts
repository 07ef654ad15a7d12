import { describe, expect, it } from 'vitest';
import { registry } from '#registry/index.ts';
import { detectionMatrix } from './detectionMatrix.ts';
import { FaultNameSchema, faultCatalogue } from './faultCatalogue.ts';

describe('faultCatalogue and the detection matrix', () => {
  it('describes exactly the fault names of the schema', () => {
    expect(Object.keys(faultCatalogue).sort()).toEqual([...FaultNameSchema.options].sort());
  });

  it('has a check built to catch every fault that is not a transport fault, and none for those', () => {
    for (const row of detectionMatrix(registry)) {
      if (row.transport) expect(row.detectedBy, row.fault).toEqual([]);
      else expect(row.detectedBy.length, `no check declares fault ${row.fault}`).toBeGreaterThan(0);
    }
  });
});
