import type { CheckContext } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { propertyMaxCommands } from '../propertyMaxCommands.ts';
import { propertyNumRuns } from '../propertyNumRuns.ts';
import { propertySeed } from '../propertySeed.ts';
import { propertyTimeBudgetMs } from '../propertyTimeBudgetMs.ts';
import type { PropertyCapability } from './PropertySystem.ts';

/** The parameters every model-based suite reads: the same budget applies to each suite on its own. */
export const modelParameters = [
  receiptTimeoutMs,
  propertyNumRuns,
  propertyMaxCommands,
  propertySeed,
  propertyTimeBudgetMs,
] as const;

export type ModelPropertyContext = CheckContext<PropertyCapability, typeof modelParameters>;
