import { fromRlp, type Hex, hexToBigInt, numberToHex, toRlp } from 'viem';

/** An RLP item as viem decodes it: bytes as hex, lists as arrays. */
type RlpItem = Hex | readonly RlpItem[];

/**
 * The QBFT `extraData` of a block header (hyperledger/besu QbftExtraDataCodec):
 * RLP([vanity, [validator, …], vote | [], round, [seal, …]]), a seal being r ‖ s ‖ recovery id
 * (65 bytes, recovery id 0 or 1). Genesis carries the validators and no seals.
 */
export interface QbftExtraData {
  readonly vanity: Hex;
  /** Lower-case 20-byte addresses; empty when validators live in a contract (QBFT contract mode). */
  readonly validators: readonly Hex[];
  readonly vote: { readonly recipient: Hex; readonly add: boolean } | null;
  readonly round: number;
  readonly seals: readonly Hex[];
}

export type QbftDecoding =
  | { readonly ok: true; readonly value: QbftExtraData }
  | { readonly ok: false; readonly problem: string };

const addressBytes = 20;
const sealBytes = 65;

const byteLength = (hex: string): number => (hex.length - 2) / 2;

/** Decodes `extraData` as Besu does, trailing items ignored (Besu leaveListLenient); every field's shape checked. */
export function decodeQbftExtraData(extraData: Hex): QbftDecoding {
  let items: RlpItem;
  try {
    items = fromRlp(extraData, 'hex') as RlpItem;
  } catch (error) {
    return { ok: false, problem: `extraData is not RLP (${(error as Error).message.split('\n')[0]})` };
  }
  if (!Array.isArray(items) || items.length < 5)
    return {
      ok: false,
      problem: 'extraData is not an RLP list of 5 items [vanity, validators, vote, round, seals]',
    };
  const [vanity, validators, vote, round, seals] = items as readonly RlpItem[];
  if (typeof vanity !== 'string') return { ok: false, problem: 'extraData vanity is a list, not bytes' };
  if (
    !Array.isArray(validators) ||
    validators.some((v) => typeof v !== 'string' || byteLength(v) !== addressBytes)
  )
    return { ok: false, problem: 'extraData validators is not a list of 20-byte addresses' };
  let decodedVote: QbftExtraData['vote'] = null;
  if (!Array.isArray(vote)) return { ok: false, problem: 'extraData vote is bytes, not a list' };
  if (vote.length > 0) {
    const [recipient, kind] = vote;
    if (vote.length !== 2 || typeof recipient !== 'string' || byteLength(recipient) !== addressBytes)
      return { ok: false, problem: 'extraData vote is not [recipient address, vote type]' };
    if (kind !== '0xff' && kind !== '0x')
      return {
        ok: false,
        problem: `extraData vote type ${String(kind)} is neither add (0xff) nor drop (empty)`,
      };
    decodedVote = { recipient: recipient.toLowerCase() as Hex, add: kind === '0xff' };
  }
  if (typeof round !== 'string' || byteLength(round) > 4 || round.startsWith('0x00'))
    return { ok: false, problem: 'extraData round is not a canonical scalar of at most 4 bytes' };
  if (!Array.isArray(seals) || seals.some((s) => typeof s !== 'string' || byteLength(s) !== sealBytes))
    return { ok: false, problem: 'extraData seals is not a list of 65-byte signatures' };
  return {
    ok: true,
    value: {
      vanity,
      validators: (validators as Hex[]).map((v) => v.toLowerCase() as Hex),
      vote: decodedVote,
      round: round === '0x' ? 0 : Number(hexToBigInt(round)),
      seals: seals as Hex[],
    },
  };
}

/**
 * Encodes QBFT extraData; `withoutSeals` gives what the commit seals sign (Besu
 * `encodeWithoutCommitSeals`: the round kept, the seal list empty).
 */
export function encodeQbftExtraData(extra: QbftExtraData, options: { withoutSeals?: boolean } = {}): Hex {
  const vote: Hex[] = extra.vote === null ? [] : [extra.vote.recipient, extra.vote.add ? '0xff' : '0x'];
  return toRlp([
    extra.vanity,
    [...extra.validators],
    vote,
    extra.round === 0 ? '0x' : numberToHex(extra.round),
    options.withoutSeals ? [] : [...extra.seals],
  ]);
}
