import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { apiDangerousMethodsHidden } from './apiDangerousMethodsHidden.ts';
import { apiJsonRpcErrorCodes } from './apiJsonRpcErrorCodes.ts';

/** Interface conformance checks (JR/T 0184-2020 7.7, 16.8). */
export const apiChecks: readonly CheckDefinition[] = [apiDangerousMethodsHidden, apiJsonRpcErrorCodes];
