import { createServer } from 'node:net';
import { ConfigError } from '#core/errors/ConfigError.ts';

/** Fails with one clear line when `port` on 127.0.0.1 is taken, before a child process is started on it. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          `port ${port} on 127.0.0.1 is ${error.code === 'EADDRINUSE' ? 'already in use' : `unusable (${error.code})`}; pick another port for ${what} or omit the flag to use a free one`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
