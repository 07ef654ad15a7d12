/** Epoch milliseconds with sub-ms precision and no jumps (monotonic clock anchored at process start). */
export function loadClockMs(): number {
  return performance.timeOrigin + performance.now();
}
