import http from 'node:http';
import https from 'node:https';
import { createPinnedLookup } from './createPinnedLookup.ts';

/**
 * Makes every connection through Node's default http(s) agents, which the JSON-RPC transport uses
 * (adapters/evm/createJsonRpcTransport.ts), go to the addresses the target guard checked for `host`,
 * and refuses other names: a second DNS answer (rebinding to 127.0.0.1 or 169.254.169.254) is never
 * asked for. Process-wide, which fits a Lambda: one invocation at a time, each for one target, each
 * pinning its own. The AWS SDK keeps its own agents and is unaffected. The previous agents are
 * destroyed, so no kept-alive socket to an earlier target survives.
 */
export function pinTargetConnections(host: string, addresses: readonly string[]): void {
  const lookup = createPinnedLookup(host, addresses);
  const previous = [http.globalAgent, https.globalAgent];
  http.globalAgent = new http.Agent({ keepAlive: true, lookup });
  https.globalAgent = new https.Agent({ keepAlive: true, lookup });
  for (const agent of previous) agent.destroy();
}
