import type { Registry } from '#core/registry/Registry.ts';
import { type FaultName, FaultNameSchema, faultCatalogue } from './faultCatalogue.ts';

export interface DetectionRow {
  readonly fault: FaultName;
  readonly description: string;
  /** Check ids that must end `fail` under the fault (and `pass` on the clean chain). */
  readonly detectedBy: readonly string[];
  readonly transport: boolean;
}

/**
 * The detection matrix (faults × checks) derived from the registry: each check declares the faults
 * it is built to catch, so adding a check adds its rows here without touching the proxy
 * (DESIGN.md "Real endpoints in tests, and faults").
 */
export function detectionMatrix(registry: Registry): DetectionRow[] {
  const declared = [
    ...registry.checks.map((c) => ({ id: c.id, faults: c.faults })),
    ...registry.loadScenarios.flatMap((s) => s.checks.map((c) => ({ id: c.id, faults: c.faults }))),
  ];
  return FaultNameSchema.options.map((fault) => ({
    fault,
    description: faultCatalogue[fault].description,
    detectedBy: declared.filter((c) => c.faults.includes(fault)).map((c) => c.id),
    transport: faultCatalogue[fault].transport === true,
  }));
}
