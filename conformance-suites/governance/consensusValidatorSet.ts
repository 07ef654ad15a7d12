import { defineCheck } from '#core/checks/defineCheck.ts';
import { minValidators, registeredValidators } from './governanceParameters.ts';
import { readingEvidence, readingProblem } from './governanceSteps.ts';

/**
 * CON-01 — JR/T 0184-2020 11.2 (consensus participants legitimate: verified, joining and leaving
 * legitimate) and 17.3.1.1–4 (a minimum consensus-node count; registration records of nodes).
 * Reads the validator set responsible for the head block through the chain's consensus API (Besu
 * QBFT: qbft_getValidatorsByBlockNumber) and, attacker-style, against the validator list the head
 * block's own header carries, where it carries one.
 *
 * Comparison policy: identities compared case-insensitively as sets; duplicates are a fail. Fail when
 * the set is smaller than `minValidators`, differs from `registeredValidators` (when supplied), or
 * disagrees with the header's list; a node that refuses or garbles the validator query fails too (the
 * set cannot be verified through the API the adapter was configured for). With no registration list
 * supplied and nothing else wrong: skip (precondition), since membership was not verified.
 */
export const consensusValidatorSet = defineCheck({
  id: 'consensus-validator-set',
  catalogueId: 'CON-01',
  kind: 'conformance',
  title: { zh: '共识节点集合合法且数量充足', en: 'Validator set is the registered one and large enough' },
  requires: ['consensus.validators'],
  parameters: [minValidators, registeredValidators],
  faults: ['validator-set-too-small', 'unregistered-validator'],
  description:
    "Reads the validator set of the head block through the chain's consensus API and the list the head block's " +
    'header carries. Passes when the set has no duplicates, at least minValidators members, equals the operator’s ' +
    'registeredValidators, and agrees with the header.',
  failsWhen:
    'The set is smaller than minValidators, holds an identity not registered (or lacks a registered one), has ' +
    'duplicates, disagrees with the header, or the consensus API refuses or garbles the query.',
  async run({ adapter, params }) {
    const { consensus, ledger } = adapter;
    const head = await ledger.getHeight();
    const reading = await consensus.validatorsAt(head);
    const evidence: Record<string, unknown> = {
      algorithm: consensus.algorithm,
      headBlock: head.toString(),
      validatorQuery: readingEvidence(reading),
    };
    const expected = {
      minValidators: params.minValidators,
      registered:
        params.registeredValidators.length > 0 ? params.registeredValidators.length : 'not supplied',
    };
    const problem = readingProblem(reading);
    if (problem !== undefined || reading.kind !== 'read') {
      return {
        status: 'fail',
        summary: `the validator set cannot be read: ${problem}`,
        expected,
        actual: { validatorSet: 'unreadable' },
        evidence,
      };
    }
    const validators = reading.value.map((v) => v.toLowerCase());
    const distinct = [...new Set(validators)];
    const tolerated = Math.floor((distinct.length - 1) / 3);
    const problems: string[] = [];
    if (distinct.length !== validators.length)
      problems.push(`the set lists ${validators.length - distinct.length} identity(ies) more than once`);
    if (distinct.length < params.minValidators) {
      problems.push(
        `${distinct.length} validator(s), fewer than the minimum ${params.minValidators} (tolerates ${Math.max(tolerated, 0)} faulty node(s))`,
      );
    }
    const registered = new Set(params.registeredValidators.map((v) => v.toLowerCase()));
    const unregistered = distinct.filter((v) => registered.size > 0 && !registered.has(v));
    const missing = [...registered].filter((v) => !distinct.includes(v));
    if (unregistered.length > 0)
      problems.push(`not in the registration records: ${unregistered.slice(0, 5).join(', ')}`);
    if (missing.length > 0) problems.push(`registered but not in the set: ${missing.slice(0, 5).join(', ')}`);

    const block = await ledger.getBlock(head);
    if (block !== null) {
      const seal = await consensus.sealOf(block);
      if (seal.kind === 'malformed') problems.push(`the head block's seal does not decode: ${seal.problem}`);
      else if (seal.seal.headerValidators !== null) {
        const inHeader = seal.seal.headerValidators.map((v) => v.toLowerCase());
        evidence.headerValidators = inHeader;
        const same = inHeader.length === distinct.length && inHeader.every((v) => distinct.includes(v));
        if (!same) {
          problems.push(
            `block ${head}'s header lists ${inHeader.length} validator(s) that differ from the ${distinct.length} the consensus API reports`,
          );
        }
      }
    }
    const actual = {
      validators: distinct.length,
      toleratedFaults: Math.max(tolerated, 0),
      ...(registered.size > 0 ? { unregistered: unregistered.length, missing: missing.length } : {}),
    };
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (registered.size === 0) {
      return {
        status: 'skip',
        skipReason: 'precondition',
        summary: `${distinct.length} validators (tolerates ${tolerated} faulty), but no registeredValidators were supplied, so whether they are the legitimate participants was not verified`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `${distinct.length} validators, all registered and none missing; tolerates ${tolerated} faulty node(s)`,
      expected,
      actual,
      evidence,
    };
  },
});
