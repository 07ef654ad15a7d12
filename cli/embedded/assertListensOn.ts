import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import { listeningPorts } from './listeningPorts.ts';

/**
 * After a readiness probe on `port` succeeded: the process that answered is `pid`, not another one
 * that took the port first (see listeningPorts). A no-op where the kernel cannot tell (not Linux).
 */
export async function assertListensOn(pid: number, port: number, name: string): Promise<void> {
  const ports = await listeningPorts(pid);
  if (ports === undefined || ports.includes(port)) return;
  throw new EnvironmentError(
    `another process answers on port ${port}, not the ${name} started here (it could not bind the port); retry, or pick a free port`,
  );
}
