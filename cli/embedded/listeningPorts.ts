import { readdir, readFile, readlink } from 'node:fs/promises';

/**
 * The TCP ports process `pid` listens on, read from Linux's /proc: the process's socket inodes
 * matched against the LISTEN entries of /proc/net/tcp and tcp6. `undefined` where /proc cannot tell
 * (not Linux, or the process is gone), so callers fall back to what they can check otherwise.
 *
 * Why: a port found free and handed to a child can be taken by another process before the child
 * binds it; the child then exits, and a readiness probe on that port is answered by the other process
 * (a Hardhat on anvil's chain id 31337, another test's fault proxy), so a run would judge a chain it
 * did not start. Asking the kernel which process owns the listener closes that gap.
 */
export async function listeningPorts(pid: number): Promise<readonly number[] | undefined> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  const inodes = new Set<string>();
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const socket = /^socket:\[(\d+)\]$/.exec(target);
    if (socket?.[1] !== undefined) inodes.add(socket[1]);
  }
  const ports: number[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const columns = line.trim().split(/\s+/);
      const [, local, , state] = columns;
      const inode = columns[9];
      if (state !== '0A' || inode === undefined || !inodes.has(inode) || local === undefined) continue;
      const port = Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16);
      if (Number.isInteger(port) && !ports.includes(port)) ports.push(port);
    }
  }
  return ports;
}
