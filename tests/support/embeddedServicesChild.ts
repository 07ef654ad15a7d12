/**
 * A stand-in for the CLI in tests/e2e/embeddedServices.test.ts: a separate Node process that starts
 * the embedded services with the real functions, reports their PIDs as one JSON line on stdout, then
 * ends the way its first argument says:
 *
 * - `exit`: process.exit(0) without stop() — the 'exit' hook must take the services along;
 * - `throw`: an uncaught error — Node runs the 'exit' hook after printing it;
 * - `sigint`: wait for SIGINT to this process's group (a terminal's Ctrl-C), report whether anvil
 *   still answers, then stop the services as the CLI does and exit.
 *
 * `--dynamo` also starts DynamoDB Local (in memory). Run it with `node --import tsx <this file> …`.
 */

import { stopAllServices } from '#cli/embedded/spawnService.ts';
import { startAnvil } from '#cli/embedded/startAnvil.ts';
import { startDynamoLocal } from '#cli/embedded/startDynamoLocal.ts';

const [ending, ...flags] = process.argv.slice(2);
const anvil = await startAnvil();
const dynamo = flags.includes('--dynamo') ? await startDynamoLocal() : undefined;
const pids = { anvil: anvil.pid, ...(dynamo ? { dynamo: dynamo.pid } : {}) };

if (ending === 'sigint') {
  process.once('SIGINT', async () => {
    // Like the CLI's first interrupt: the run goes on using the chain before it stops the services.
    const anvilAnsweredAfterSigint = await answers(anvil.url);
    await stopAllServices();
    process.stdout.write(`${JSON.stringify({ anvilAnsweredAfterSigint })}\n`);
    process.exit(0);
  });
}
process.stdout.write(`${JSON.stringify(pids)}\n`);
if (ending === 'exit') process.exit(0);
if (ending === 'throw')
  setImmediate(() => {
    throw new Error('the CLI crashed');
  });

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
