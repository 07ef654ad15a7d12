import { spawn } from 'node:child_process';
import type { NodeControlApi } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { NodeHookError } from './NodeHookError.ts';
import type { NodeHook, NodeHooksFile } from './NodeHooksFileSchema.ts';

/** Output of a failed command kept for its message: its last line, bounded. */
const outputTailChars = 300;

/** Runs one hook to completion; rejects with a NodeHookError naming the node and the action. */
export async function runNodeHook(hook: NodeHook, what: string): Promise<void> {
  if ('command' in hook) {
    const [program, ...args] = hook.command;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(program as string, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: hook.timeoutMs,
      });
      let tail = '';
      const keep = (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-outputTailChars);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new NodeHookError(`${what}: "${program}" could not be run (${error.code ?? error.message})`, {
            cause: error,
          }),
        ),
      );
      child.once('close', (code, signal) => {
        if (code === 0) resolve();
        else {
          const last = tail.trim().split('\n').at(-1)?.trim();
          reject(
            new NodeHookError(
              `${what}: "${program}" ${signal ? `was stopped by ${signal}${signal === 'SIGTERM' ? ` (timeoutMs ${hook.timeoutMs})` : ''}` : `exited with code ${code}`}${last ? `: ${last}` : ''}`,
            ),
          );
        }
      });
    });
    return;
  }
  const { url, method, headers, body } = hook.http;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(body === undefined || method === 'GET' ? {} : { body }),
      signal: AbortSignal.timeout(hook.timeoutMs),
    });
    await response.arrayBuffer();
  } catch (error) {
    throw new NodeHookError(
      `${what}: ${method} ${redactUrl(url)} failed (${error instanceof Error ? error.message : String(error)})`,
      {
        cause: error,
      },
    );
  }
  if (!response.ok)
    throw new NodeHookError(`${what}: ${method} ${redactUrl(url)} answered HTTP ${response.status}`);
}

/**
 * `node.control` from the operator's node-hooks file (NodeHooksFileSchema): each node's stop, start
 * and restart run its command or HTTP hook; restart without its own hook is stop then start. Hooks
 * of one node never run at once (a restart waits for a stop in flight).
 */
export function createHookNodeControl(file: NodeHooksFile): NodeControlApi {
  const queues = file.nodes.map(() => Promise.resolve());
  const nodeAt = (index: number) => {
    const node = file.nodes[index];
    if (node === undefined)
      throw new ConfigError(`no node ${index} in the node-hooks file (it lists ${file.nodes.length})`);
    return node;
  };
  const serial = (index: number, action: () => Promise<void>): Promise<void> => {
    const next = (queues[index] ?? Promise.resolve()).then(action, action);
    queues[index] = next.catch(() => undefined);
    return next;
  };
  const run = async (index: number, action: 'stop' | 'start' | 'restart'): Promise<void> => {
    const node = nodeAt(index);
    return serial(index, async () => {
      if (action !== 'restart') return runNodeHook(node[action], `${action} hook of node "${node.name}"`);
      if (node.restart) return runNodeHook(node.restart, `restart hook of node "${node.name}"`);
      await runNodeHook(node.stop, `stop hook of node "${node.name}"`);
      await runNodeHook(node.start, `start hook of node "${node.name}"`);
    });
  };
  return {
    nodes: file.nodes.map((node) => ({
      name: node.name,
      role: node.role,
      ...(node.endpoint === undefined ? {} : { endpointIndex: node.endpoint }),
    })),
    stop: (index) => run(index, 'stop'),
    start: (index) => run(index, 'start'),
    restart: (index) => run(index, 'restart'),
  };
}
