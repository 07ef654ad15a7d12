import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { netRpcTls } from './netRpcTls.ts';

/** Network and transport checks (JR/T 0184-2020 7.8). */
export const networkChecks: readonly CheckDefinition[] = [netRpcTls];
