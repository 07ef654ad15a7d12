import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessTreeUsage {
  /** CPU seconds (user + system) of the tree's live processes and the children they have reaped. */
  readonly cpuS: number;
  /** Resident memory of the tree's live processes, summed (Caliper's manager and workers are separate processes). */
  readonly rssMb: number;
}

export interface ProcessTreeWatch {
  /** Reads /proc now; also what the periodic sampler records. */
  sample(): ProcessTreeUsage;
  /** The latest sample's CPU and the highest RSS sum seen; stops sampling. */
  stop(): { readonly cpuS: number; readonly peakRssMb: number };
}

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks. */
  readonly ticks: number;
  readonly rssPages: number;
}

/** Fields of /proc/<pid>/stat after "(comm)", which may itself hold spaces and parentheses (proc(5)). */
function parseStat(pid: number, text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const f = text
    .slice(close + 2)
    .trim()
    .split(' ');
  // proc(5): field 4 ppid, 14 utime, 15 stime, 16 cutime, 17 cstime, 24 rss; f[0] is field 3 (state).
  const n = (i: number) => Number(f[i] ?? 0);
  return { pid, ppid: n(1), ticks: n(11) + n(12) + n(13) + n(14), rssPages: n(21) };
}

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

/**
 * Samples the CPU time and memory of `rootPid` and all its descendants from /proc (Linux) every
 * `intervalMs`. CPU counts each live process's own time plus what it has reaped (cutime/cstime), so a
 * Caliper worker that exited and was waited for by the manager is still counted, and nothing twice.
 * What the tree spent after the last sample before it exited is missed (at most one interval).
 */
export function watchProcessTree(rootPid: number, intervalMs = 200): ProcessTreeWatch {
  const ticksPerS = getconf('CLK_TCK', 100);
  const pageBytes = getconf('PAGESIZE', 4096);
  let last: ProcessTreeUsage = { cpuS: 0, rssMb: 0 };
  let peakRssMb = 0;
  const sample = (): ProcessTreeUsage => {
    const all = new Map<number, ProcStat>();
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      try {
        const stat = parseStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
        if (stat) all.set(pid, stat);
      } catch {
        // the process ended between readdir and read
      }
    }
    if (!all.has(rootPid)) return last;
    const children = new Map<number, number[]>();
    for (const s of all.values()) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
    let ticks = 0;
    let rssPages = 0;
    const queue = [rootPid];
    while (queue.length > 0) {
      const s = all.get(queue.pop()!);
      if (!s) continue;
      ticks += s.ticks;
      rssPages += s.rssPages;
      queue.push(...(children.get(s.pid) ?? []));
    }
    last = { cpuS: ticks / ticksPerS, rssMb: (rssPages * pageBytes) / 2 ** 20 };
    peakRssMb = Math.max(peakRssMb, last.rssMb);
    return last;
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    sample,
    stop() {
      clearInterval(timer);
      return { cpuS: last.cpuS, peakRssMb };
    },
  };
}
