import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { propertyTransferModel } from './transfers/propertyTransferModel.ts';

/** Every property check, in report order. */
export const propertyChecks: CheckDefinition[] = [propertyTransferModel];
