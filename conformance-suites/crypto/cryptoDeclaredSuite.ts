import { defineCheck } from '#core/checks/defineCheck.ts';
import { allowedCryptoSuites } from './allowedCryptoSuites.ts';

/**
 * CR-01 — JR/T 0184-2020 8.1 requires the SM-series (国密) algorithms. A declaration alone is cheap,
 * so the check also asks the ledger: the head block's hash must recompute under the declared suite's
 * hash function, or the chain claims a suite its ledger does not use (standards.md §5 CR-01 + CR-02).
 *
 * Comparison policy: the declared suite (`info.cryptoSuite`) must be a member of
 * `allowedCryptoSuites`, and the adapter's verifier, which hashes with the declared suite, must
 * reproduce the head block's reported hash exactly. A suite allowed only because the run widened
 * `allowedCryptoSuites` beyond the profile's requirement passes the ledger part but waives the
 * clause (豁免): the harness did not see the algorithms the standard asks for.
 */
export const cryptoDeclaredSuite = defineCheck({
  id: 'crypto-declared-suite',
  catalogueId: 'CR-01',
  kind: 'conformance',
  title: {
    zh: '声明的密码算法套件符合要求且与账本一致',
    en: 'Declared crypto suite is allowed and borne out by the ledger',
  },
  requires: ['block.read', 'block.header.hash'],
  parameters: [allowedCryptoSuites],
  faults: ['forged-block-hash'],
  description:
    'Compares the crypto suite the target declares with the parameter allowedCryptoSuites, then recomputes ' +
    "the head block's hash with the declared suite's hash function. Passes when the suite is allowed and the " +
    'recomputed hash equals the hash the node reports; waived when the suite is allowed only by a relaxed value.',
  failsWhen:
    'The declared suite is not in allowedCryptoSuites ("suite not allowed by profile"; the default profile ' +
    "fails every secp256k1-keccak256 chain), or the head block's hash does not recompute under it.",
  async run({ adapter, params, requirements }) {
    const declared = adapter.info.cryptoSuite;
    const allowed = params.allowedCryptoSuites;
    const height = await adapter.ledger.getHeight();
    const head = await adapter.ledger.getBlock(height);
    if (head === null) {
      return {
        status: 'error',
        summary: `the node reports head ${height} but returned no such block; the declared suite cannot be checked against the ledger`,
        evidence: { height: height.toString() },
      };
    }
    const recomputed = adapter.verifier.recomputeBlockHash(head);
    if (recomputed.kind === 'unavailable') {
      return {
        status: 'error',
        summary: `cannot recompute the head block's hash under ${declared}: ${recomputed.reason}`,
        evidence: { headBlock: head.number.toString(), reason: recomputed.reason },
      };
    }
    const suiteAllowed = allowed.includes(declared);
    const reproduces = recomputed.value.toLowerCase() === head.hash.toLowerCase();
    const expected = {
      cryptoSuite: `one of ${allowed.join(', ')}`,
      headBlockHash: `recomputes under ${declared}`,
    };
    const actual = {
      cryptoSuite: declared,
      headBlockHash: reproduces
        ? `recomputes under ${declared}`
        : `reported ${head.hash}, ${declared} gives ${recomputed.value}`,
    };
    const evidence = {
      declaredSuite: declared,
      allowedCryptoSuites: allowed,
      clientVersion: adapter.info.clientVersion,
      headBlock: head.number.toString(),
      reportedHash: head.hash,
      recomputedHash: recomputed.value,
    };
    if (suiteAllowed && reproduces) {
      const required = requirements.allowedCryptoSuites;
      const relaxed = required !== undefined && !required.includes(declared);
      return {
        status: 'pass',
        summary: relaxed
          ? `declared suite ${declared} reproduces head block ${head.number}'s hash, but is allowed only because allowedCryptoSuites was widened beyond ${required.join(', ')}`
          : `declared suite ${declared} is allowed and reproduces head block ${head.number}'s hash`,
        expected,
        actual,
        evidence,
        ...(relaxed
          ? {
              waiver: {
                parameter: 'allowedCryptoSuites',
                value: allowed,
                requirement: required,
                note: `the chain uses ${declared}, not the suite(s) the profile requires (${required.join(', ')})`,
              },
            }
          : {}),
      };
    }
    const reasons: string[] = [];
    if (!suiteAllowed)
      reasons.push(`suite not allowed by profile: ${declared} is not one of ${allowed.join(', ')}`);
    if (!reproduces) {
      reasons.push(
        `declared suite does not reproduce the ledger's hashes: head block ${head.number} reports ${head.hash}, ${declared} gives ${recomputed.value}`,
      );
    }
    return { status: 'fail', summary: reasons.join('; '), expected, actual, evidence };
  },
});
