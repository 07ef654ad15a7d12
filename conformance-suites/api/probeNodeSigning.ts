import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { classifyExposure } from './classifyExposure.ts';

/** A node's answer meaning "I hold no key for that account" (geth "unknown account", locked keystores). */
const noKeyMessage =
  /unknown account|no key|account.*(locked|not unlocked)|authentication needed|not managed|sender account not recognized/i;

/** The message signed by the eth_sign probe: harmless bytes ("chaineval") nobody can reuse. */
const probeMessage = '0x636861696e6576616c';

export interface SigningProbe {
  readonly method: string;
  readonly account: string;
  readonly signs: boolean;
  readonly reason: string;
  readonly answer: string;
}

export interface NodeSigningVerdict {
  /** Accounts the node says it holds keys for (eth_accounts), capped for evidence. */
  readonly listedAccounts: readonly string[];
  readonly probes: readonly SigningProbe[];
  /** Probes showing the node signs for an unauthenticated caller. */
  readonly signing: readonly SigningProbe[];
}

const maxAnswerChars = 300;

function describe(outcome: RpcOutcome): string {
  return JSON.stringify(outcome).slice(0, maxAnswerChars);
}

/**
 * Does the node sign for anyone? JR/T 0184-2020 16.8: a node that holds unlocked keys and signs for
 * an unauthenticated caller lets anyone spend those accounts. Probes, for each account the node
 * lists and for the harness's own account (a node may hold the operator's key): eth_sign of a
 * harmless message, and eth_sendTransaction of a transaction with zero gas, which no node can
 * execute, so nothing is ever sent. A signature, a transaction id, or any answer other than
 * "method not provided", a refusal or "no key for that account" means the node signs.
 */
export async function probeNodeSigning(
  rpc: RawRpcApi,
  ownAccount: string | undefined,
): Promise<NodeSigningVerdict> {
  const listed = await rpc.request('eth_accounts', []);
  const listedAccounts =
    listed.kind === 'result' && Array.isArray(listed.result)
      ? listed.result.filter((a): a is string => typeof a === 'string' && /^0x[0-9a-fA-F]{40}$/.test(a))
      : [];
  const candidates = [
    ...new Set(
      [...listedAccounts.slice(0, 3), ...(ownAccount ? [ownAccount] : [])].map((a) => a.toLowerCase()),
    ),
  ];
  const probes: SigningProbe[] = [];
  for (const account of candidates) {
    const signed = await rpc.request('eth_sign', [account, probeMessage]);
    probes.push({ method: 'eth_sign', account, ...judge(signed), answer: describe(signed) });
    const sent = await rpc.request('eth_sendTransaction', [
      { from: account, to: account, value: '0x0', gas: '0x0' },
    ]);
    probes.push({ method: 'eth_sendTransaction', account, ...judge(sent), answer: describe(sent) });
  }
  return { listedAccounts: listedAccounts.slice(0, 10), probes, signing: probes.filter((p) => p.signs) };
}

function judge(outcome: RpcOutcome): { signs: boolean; reason: string } {
  if (outcome.kind === 'result')
    return { signs: true, reason: 'answered with a signature or transaction id' };
  const exposure = classifyExposure(outcome);
  if (!exposure.exposed) return { signs: false, reason: exposure.reason };
  if (outcome.kind === 'error' && noKeyMessage.test(outcome.error.message)) {
    return { signs: false, reason: `holds no key: ${outcome.error.code} "${outcome.error.message}"` };
  }
  return { signs: true, reason: `${exposure.reason}; with a valid request it would sign for this account` };
}
