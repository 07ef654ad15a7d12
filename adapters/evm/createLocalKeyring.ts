import type { Hex } from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import type { Identity } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { deriveAccountKey } from './deriveAccountKey.ts';

export interface LocalKeyring {
  readonly primary: Identity;
  derive(seed: string, count: number): Identity[];
  /** The signing account of an identity this keyring holds. */
  accountOf(identity: Pick<Identity, 'address'>): PrivateKeyAccount;
}

/**
 * secp256k1 keys held in memory: the operator's key and keys derived from it. Keys never leave this
 * closure; identities are addresses. Fails with one line (never echoing the key) when the key is
 * not a valid secp256k1 private key.
 */
export function createLocalKeyring(primaryKey: Hex): LocalKeyring {
  const accounts = new Map<string, PrivateKeyAccount>();
  const remember = (key: Hex): Identity => {
    const account = privateKeyToAccount(key);
    const address = account.address.toLowerCase();
    accounts.set(address, account);
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
  };
}
