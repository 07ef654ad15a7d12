import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';

/**
 * CR-01 — JR/T 0184-2020 8.1 requires the SM-series (国密) algorithms, or whatever suite the
 * deployment's profile accepts. A declaration alone is cheap, so the check also asks the ledger: the
 * head block's hash must recompute under the declared suite's hash function, or the chain claims a
 * suite its ledger does not use (standards.md §5 CR-01 + CR-02).
 *
 * Comparison policy: the declared suite (`info.cryptoSuite`) must be a member of
 * `allowedCryptoSuites`, and the adapter's verifier, which hashes with the declared suite, must
 * reproduce the head block's reported hash exactly. Both reasons are reported when both hold.
 * Fault-proxy fault: `forged-block-hash` (with the suite allowed); the default profile (`sm2-sm3`)
 * fails any secp256k1/keccak256 chain such as the embedded anvil.
 */
export const cryptoDeclaredSuite: CheckDefinition = {
  id: 'crypto-declared-suite',
  catalogueId: 'CR-01',
  kind: 'conformance',
  title: {
    zh: '声明的密码算法套件符合要求且与账本一致',
    en: 'Declared crypto suite is allowed and borne out by the ledger',
  },
  clauseIds: ['0184-8.1'],
  requires: ['block.read', 'block.header.hash'],
  description:
    'Compares the crypto suite the target declares with the profile parameter allowedCryptoSuites, then ' +
    "recomputes the head block's hash with the declared suite's hash function. Passes when the suite is " +
    'allowed and the recomputed hash equals the hash the node reports.',
  failsWhen:
    'The declared suite is not in allowedCryptoSuites ("suite not allowed by profile"), or the head block\'s ' +
    'hash does not recompute under it ("declared suite does not reproduce the ledger\'s hashes"). Shown by the ' +
    'fault-proxy fault "forged-block-hash" with the suite allowed, and by the default profile (sm2-sm3 only) on ' +
    'any secp256k1-keccak256 chain.',
  async run({ adapter, params }) {
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
    const recomputed = adapter.verifier!.recomputeBlockHash(head);
    const suiteAllowed = allowed.includes(declared);
    const reproduces = recomputed.toLowerCase() === head.hash.toLowerCase();
    const expected = {
      cryptoSuite: `one of ${allowed.join(', ')}`,
      headBlockHash: `recomputes under ${declared}`,
    };
    const actual = {
      cryptoSuite: declared,
      headBlockHash: reproduces
        ? `recomputes under ${declared}`
        : `reported ${head.hash}, ${declared} gives ${recomputed}`,
    };
    const evidence = {
      declaredSuite: declared,
      allowedCryptoSuites: allowed,
      clientVersion: adapter.info.clientVersion,
      headBlock: head.number.toString(),
      reportedHash: head.hash,
      recomputedHash: recomputed,
    };
    if (suiteAllowed && reproduces) {
      return {
        status: 'pass',
        summary: `declared suite ${declared} is allowed and reproduces head block ${head.number}'s hash`,
        expected,
        actual,
        evidence,
      };
    }
    const reasons: string[] = [];
    if (!suiteAllowed)
      reasons.push(`suite not allowed by profile: ${declared} is not one of ${allowed.join(', ')}`);
    if (!reproduces) {
      reasons.push(
        `declared suite does not reproduce the ledger's hashes: head block ${head.number} reports ${head.hash}, ${declared} gives ${recomputed}`,
      );
    }
    return { status: 'fail', summary: reasons.join('; '), expected, actual, evidence };
  },
};
