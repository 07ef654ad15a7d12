import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchProcessTree } from './watchProcessTree.ts';

/** A grandchild that burns 0.4 s of CPU time (not wall time: the machine may be busy) and exits. */
const burner = 'while (process.cpuUsage().user < 400_000) {}';
/** The middle process runs the burner, waits for it (reaps it), says so, and lingers until killed. */
const middle = `
const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(burner)}], { stdio: 'ignore' });
c.on('exit', () => { process.stdout.write('reaped\\n'); setTimeout(() => {}, 30_000); });
`;

describe.runIf(process.platform === 'linux')('watchProcessTree', () => {
  it('counts a descendant that has exited and been reaped, through its parent (Caliper workers at the end of a run)', async () => {
    const child = spawn(process.execPath, ['-e', middle], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const watch = watchProcessTree(child.pid!, 50);
      child.stdout.setEncoding('utf8');
      const [line] = (await Promise.race([
        once(child.stdout, 'data'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no "reaped" within 20 s')), 20_000)),
      ])) as [string];
      expect(line.trim()).toBe('reaped');
      const usage = watch.sample();
      const { cpuS, peakRssMb } = watch.stop();
      expect(usage.cpuS).toBeGreaterThanOrEqual(0.4);
      expect(cpuS).toBe(usage.cpuS);
      // Two node processes at their peak: tens of MB, summed.
      expect(peakRssMb).toBeGreaterThan(20);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('keeps the last sample once the watched process is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    const watch = watchProcessTree(child.pid!, 20);
    const before = watch.sample();
    await once(child, 'exit');
    const after = watch.sample();
    expect(after.cpuS).toBeGreaterThanOrEqual(before.cpuS);
    expect(watch.sample()).toEqual(after);
    expect(watch.stop().cpuS).toBe(after.cpuS);
  }, 30_000);
});
