import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listeningPorts } from './listeningPorts.ts';

const onLinux = process.platform === 'linux';

describe('listeningPorts', () => {
  it.runIf(onLinux)('names the ports this process listens on, and only those', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      expect(await listeningPorts(process.pid)).toContain(port);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await listeningPorts(process.pid)).not.toContain(port);
  });

  it.runIf(onLinux)("does not claim another process's listener", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
    try {
      expect(await listeningPorts(child.pid ?? -1)).not.toContain(port);
    } finally {
      child.kill();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says it cannot tell for a process that does not exist', async () => {
    expect(await listeningPorts(2 ** 22 + 7)).toBeUndefined();
  });
});
