import { z } from 'zod';
import { apiFaults } from './catalogue/apiFaults.ts';
import { contractFaults } from './catalogue/contractFaults.ts';
import { coreFaults } from './catalogue/coreFaults.ts';
import { crossEndpointFaults } from './catalogue/crossEndpointFaults.ts';
import { fuzzFaults } from './catalogue/fuzzFaults.ts';
import { governanceFaults } from './catalogue/governanceFaults.ts';
import { ledgerFaults } from './catalogue/ledgerFaults.ts';
import { loadFaults } from './catalogue/loadFaults.ts';
import { nodeFaults } from './catalogue/nodeFaults.ts';
import { transactionFaults } from './catalogue/transactionFaults.ts';
import type { FaultDefinition } from './defineFault.ts';

/**
 * Every fault the proxy can inject, in the order their hooks run. Names are stable (the `chaineval
 * selftest` detection matrix and reports refer to them): add new ones at the end of an area's list
 * (catalogue/<area>Faults.ts), never rename.
 */
const allFaults = [
  ...coreFaults,
  ...ledgerFaults,
  ...transactionFaults,
  ...contractFaults,
  ...governanceFaults,
  ...apiFaults,
  ...nodeFaults,
  ...loadFaults,
  ...crossEndpointFaults,
  ...fuzzFaults,
] as const;

export type FaultName = (typeof allFaults)[number]['name'];

/** The definitions, in hook order. */
export const faultDefinitions: readonly FaultDefinition<FaultName>[] = allFaults;

export const FaultNameSchema = z.enum(allFaults.map((fault) => fault.name) as [FaultName, ...FaultName[]]);

export interface FaultDescription {
  readonly description: string;
  /**
   * A fault that breaks the transport itself (garbage, huge answers): no check is built to fail
   * under it; every check must end `error` (inconclusive) with a clear message, never `pass`.
   * Which checks catch the other faults is declared by the checks (`faults`), and the detection
   * matrix is derived from the registry (detectionMatrix.ts).
   */
  readonly transport?: true;
  /** On several endpoints of one network: every endpoint, or the second only (defects that make nodes disagree). */
  readonly appliesTo: 'every-endpoint' | 'second-endpoint';
}

/** What each fault does: the rows of the detection matrix. */
export const faultCatalogue: Readonly<Record<FaultName, FaultDescription>> = Object.fromEntries(
  faultDefinitions.map((fault) => [
    fault.name,
    {
      description: fault.description,
      appliesTo: fault.appliesTo ?? 'every-endpoint',
      ...(fault.transport ? { transport: true } : {}),
    },
  ]),
) as Record<FaultName, FaultDescription>;
