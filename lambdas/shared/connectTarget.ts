import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { registry } from '#registry/index.ts';
import { assertTargetAllowed, targetHostOf } from './assertTargetAllowed.ts';
import { awsClients } from './awsClients.ts';
import { fetchTargetKey } from './fetchTargetKey.ts';
import { pinTargetConnections } from './pinTargetConnections.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';
import { resolveHostAddresses } from './resolveHostAddresses.ts';
import type { TargetRef } from './TargetRefSchema.ts';

/**
 * Opens the adapter for a cloud run: refuses private targets, pins the connections to the addresses
 * it checked, reads the funded key from Secrets Manager and fingerprints the endpoint. The same registered adapter the CLI uses; never embedded,
 * so the harness cannot change a vendor chain's mining mode. `url` is the one `target.urlSecretId`
 * holds (readTargetUrl), read by the caller so it can scrub it from everything the step emits.
 */
export async function connectTarget(url: string, target: TargetRef, env: LambdaEnv): Promise<ChainAdapter> {
  const host = targetHostOf(url);
  const addresses = await resolveHostAddresses(host);
  assertTargetAllowed({
    targetUrl: url,
    resolvedAddresses: addresses,
    allowedHosts: env.allowedTargetHosts,
  });
  // The transport connects to these addresses and no others: the name is not resolved again.
  pinTargetConnections(host, addresses);
  if (env.targetSecretPrefix === undefined) {
    throw new ConfigError(
      'this Lambda may not read target keys; only plan, conformance, property and loadShard connect to targets',
    );
  }
  const privateKey = await fetchTargetKey({
    client: awsClients().secretsManager,
    secretId: target.keySecretId,
    allowedPrefix: env.targetSecretPrefix,
  });
  const evm = registry.adapters.find((a) => a.family === 'evm');
  if (!evm) throw new ConfigError('no evm adapter is registered (a harness bug)');
  return evm.connect({
    url,
    signer: { kind: 'local-key', privateKey },
    embedded: false,
    cryptoSuite: target.cryptoSuite,
  });
}
