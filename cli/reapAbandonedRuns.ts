import { hostname } from 'node:os';
import { ChainevalError } from '#core/errors/ChainevalError.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';

/** Runs looked at: the most recent ones; an abandoned run older than that is still shown by `reports list`. */
const recentRuns = 50;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finds runs this host started whose process is gone while they still say `running` (a killed CLI,
 * a power cut) and finalizes each as incomplete, "abandoned", with the results it stored: no run is
 * left running forever. When its report cannot be built (the profile changed since), the run record
 * alone is marked incomplete. Returns the run ids it closed.
 */
export async function reapAbandonedRuns(
  store: ResultStore,
  registry: Registry,
  progress: (line: string) => void,
): Promise<string[]> {
  const host = hostname();
  const closed: string[] = [];
  for (const listing of await store.listRuns(recentRuns)) {
    if (listing.status !== 'running') continue;
    const stored = await store.getRun(listing.runId);
    const owner = stored?.meta.owner;
    if (!stored || !owner || owner.host !== host || isAlive(owner.pid)) continue;
    const reason = `abandoned: the process that ran it (pid ${owner.pid} on ${host}) ended without finishing it`;
    try {
      await finalizeRun(listing.runId, { store, registry, incompleteReason: reason });
    } catch (error) {
      if (!(error instanceof ChainevalError)) throw error;
      await store.putRun({
        ...stored.meta,
        status: 'incomplete',
        incompleteReason: `${reason}; ${error.shortMessage}`,
      });
    }
    progress(
      `run ${listing.runId} was left running by a process that is gone; marked incomplete (abandoned)`,
    );
    closed.push(listing.runId);
  }
  return closed;
}
