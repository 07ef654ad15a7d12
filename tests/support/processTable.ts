import { readdirSync, readFileSync } from 'node:fs';

/**
 * Linux's process table, read from /proc, for tests that must prove no process was left behind.
 *
 * A process SIGKILLed after its parent exited is re-parented to PID 1 and stays a zombie (state Z)
 * until PID 1 reaps it: dead, holding no port or memory, but `kill(pid, 0)` still succeeds. On the
 * project's machines PID 1 reaps about a second later, so "gone" here means absent or a zombie.
 */
interface ProcessStat {
  readonly pid: number;
  /** R running, S sleeping, Z zombie, … (proc(5)) */
  readonly state: string;
  readonly processGroup: number;
}

/** /proc/<pid>/stat, or undefined when there is no such process. */
export function readProcessStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ')'.
  const [state = '', , processGroup = ''] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state, processGroup: Number(processGroup) };
}

/** The process group of `pid` (field 5 of /proc/<pid>/stat); undefined when there is no such process. */
export function processGroupOf(pid: number): number | undefined {
  return readProcessStat(pid)?.processGroup;
}

/** True while `pid` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  const stat = readProcessStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** PIDs of the living (non-zombie) members of process group `processGroup`. */
export function livingGroupMembers(processGroup: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcessStat(Number(name)))
    .filter((stat) => stat !== undefined && stat.processGroup === processGroup && isAlive(stat.pid))
    .map((stat) => stat!.pid);
}

/** Resolves with the PIDs still alive (they or their group) after waiting up to `timeoutMs` for all to die. */
export async function survivorsAfter(pids: readonly number[], timeoutMs = 5_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const survivors = pids.filter((pid) => isAlive(pid) || livingGroupMembers(pid).length > 0);
    if (survivors.length === 0 || Date.now() > deadline) return survivors;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
