import type { AnyLoadScenario } from '#core/checks/defineLoadScenario.ts';
import { capacityLoadScenario } from '#load/capacityLoadScenario.ts';
import { queryLoadScenario } from '#load/queryLoadScenario.ts';
import { transferLoadScenario } from '#load/transferLoadScenario.ts';

/** Every load scenario, one line each; profiles map their checks to clauses. */
export const loadScenarios: readonly AnyLoadScenario[] = [
  transferLoadScenario,
  queryLoadScenario,
  capacityLoadScenario,
];
