export const interruptSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof interruptSignals)[number];

export interface Interrupts {
  /** Aborted by the first signal (reason: "interrupted by SIGINT") or by `abort(reason)`. */
  readonly signal: AbortSignal;
  /** Ends the run as an interrupt would, for a reason of the harness's own (a spent --max-duration). */
  abort(reason: string): void;
  /** Removes the handlers; signals then take their default effect again. */
  dispose(): void;
}

export interface WatchInterruptsOptions {
  /** Told once, at the first signal: what happens now. */
  readonly onFirst: (reason: string) => void;
  /** A second signal: stop at once (kill what was started, exit 130). Never returns. */
  readonly onSecond: (signal: InterruptSignal) => never;
}

/**
 * Interrupts are a normal ending of a run (issue "Runs that survive"): the first SIGINT, SIGTERM or
 * SIGHUP aborts the run's signal, so the run stores what it has, finalizes as incomplete and exits
 * 2; a second one stops everything at once. Installed before anything is started, so a signal
 * during start-up is handled too.
 */
export function watchInterrupts(options: WatchInterruptsOptions): Interrupts {
  const controller = new AbortController();
  const handler = (signal: InterruptSignal) => {
    if (controller.signal.aborted) options.onSecond(signal);
    const reason = `interrupted by ${signal}`;
    controller.abort(reason);
    options.onFirst(reason);
  };
  for (const s of interruptSignals) process.on(s, handler);
  return {
    signal: controller.signal,
    abort(reason) {
      if (controller.signal.aborted) return;
      controller.abort(reason);
      options.onFirst(reason);
    },
    dispose() {
      for (const s of interruptSignals) process.off(s, handler);
    },
  };
}
