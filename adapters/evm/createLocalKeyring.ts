import type { Hex, TransactionSerializable } from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import type { Identity } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createSigningPool } from './createSigningPool.ts';
import { deriveAccountKey } from './deriveAccountKey.ts';

export interface LocalKeyring {
  readonly primary: Identity;
  derive(seed: string, count: number): Identity[];
  /** The signing account of an identity this keyring holds. */
  accountOf(identity: Pick<Identity, 'address'>): PrivateKeyAccount;
  /** Signs many transactions at once (load pre-signing), over worker threads; raw bytes and ids in order. */
  signMany(
    items: readonly { readonly from: Pick<Identity, 'address'>; readonly tx: TransactionSerializable }[],
  ): Promise<{ readonly raw: Hex; readonly txId: Hex }[]>;
  /** Ends the signing threads, if any. */
  close(): Promise<void>;
}

/**
 * secp256k1 keys held in memory: the operator's key and keys derived from it. Keys never leave this
 * closure; identities are addresses. Fails with one line (never echoing the key) when the key is
 * not a valid secp256k1 private key.
 */
export function createLocalKeyring(primaryKey: Hex): LocalKeyring {
  const accounts = new Map<string, PrivateKeyAccount>();
  // Keys by address for the signing threads of signMany (same process; see createSigningPool.ts).
  const keys = new Map<string, Hex>();
  const pool = createSigningPool();
  const remember = (key: Hex): Identity => {
    const account = privateKeyToAccount(key);
    const address = account.address.toLowerCase();
    accounts.set(address, account);
    keys.set(address, key);
    return { address, sigAlg: 'secp256k1' };
  };
  let primary: Identity;
  try {
    primary = remember(primaryKey);
  } catch {
    throw new ConfigError(
      'the private key is not a valid secp256k1 key (it must be 32 bytes between 1 and the curve order); use the key of a funded account',
    );
  }
  return {
    primary,
    derive: (seed, count) =>
      Array.from({ length: count }, (_, i) => remember(deriveAccountKey(primaryKey, seed, i))),
    accountOf(identity) {
      const account = accounts.get(identity.address.toLowerCase());
      if (!account) {
        throw new ConfigError(
          `no key for ${identity.address}; sign only with the primary or derived identities`,
        );
      }
      return account;
    },
    signMany(items) {
      return pool.sign(
        items.map(({ from, tx }) => {
          const key = keys.get(from.address.toLowerCase());
          if (!key) {
            throw new ConfigError(
              `no key for ${from.address}; sign only with the primary or derived identities`,
            );
          }
          return { key, tx };
        }),
      );
    },
    close: () => pool.close(),
  };
}
