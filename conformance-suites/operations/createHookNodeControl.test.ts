import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHookNodeControl } from './createHookNodeControl.ts';
import { NodeHookError } from './NodeHookError.ts';
import { NodeHooksFileSchema } from './NodeHooksFileSchema.ts';

/** A command hook that appends `word` to `file` (argv, no shell: sh is the program here). */
const append = (file: string, word: string) => ({ command: ['sh', '-c', `echo ${word} >> "$0"`, file] });

describe('NodeHooksFileSchema', () => {
  it('fills defaults: role validator, POST, 60 s timeouts', () => {
    const file = NodeHooksFileSchema.parse({
      version: 1,
      nodes: [
        {
          name: 'n1',
          endpoint: 0,
          stop: { command: ['true'] },
          start: { http: { url: 'http://127.0.0.1:9/start' } },
        },
      ],
    });
    expect(file.nodes[0]).toMatchObject({
      role: 'validator',
      stop: { command: ['true'], timeoutMs: 60_000 },
      start: { http: { method: 'POST', headers: {} }, timeoutMs: 60_000 },
    });
  });

  it('refuses duplicate names and endpoints, unknown members and hooks that are neither kind', () => {
    const node = { name: 'n', stop: { command: ['true'] }, start: { command: ['true'] } };
    const issues = (value: unknown) =>
      NodeHooksFileSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ version: 1, nodes: [node, node] })).toEqual(['nodes.1.name: duplicate node name "n"']);
    expect(
      issues({
        version: 1,
        nodes: [
          { ...node, endpoint: 0 },
          { ...node, name: 'm', endpoint: 0 },
        ],
      }),
    ).toEqual(["nodes.1.endpoint: endpoint 0 is already another node's"]);
    expect(issues({ version: 1, nodes: [{ ...node, extra: 1 }] })?.[0]).toMatch(
      /^nodes\.0: Unrecognized key/,
    );
    expect(issues({ version: 1, nodes: [{ ...node, stop: { shell: 'x' } }] })?.[0]).toMatch(
      /^nodes\.0\.stop: a hook is/,
    );
  });
});

describe('createHookNodeControl', () => {
  it("runs each node's hooks, restart as stop then start when it has none, one at a time per node", async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'hooks-')), 'log');
    const control = createHookNodeControl(
      NodeHooksFileSchema.parse({
        version: 1,
        nodes: [{ name: 'v1', endpoint: 1, stop: append(log, 'stop'), start: append(log, 'start') }],
      }),
    );
    expect(control.nodes).toEqual([{ name: 'v1', role: 'validator', endpointIndex: 1 }]);
    await Promise.all([control.stop(0), control.restart(0), control.start(0)]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['stop', 'stop', 'start', 'start']);
  });

  it('rejects with NodeHookError naming the node, the action and the exit code', async () => {
    const control = createHookNodeControl(
      NodeHooksFileSchema.parse({
        version: 1,
        nodes: [
          {
            name: 'v1',
            stop: { command: ['sh', '-c', 'echo disk full >&2; exit 3'] },
            start: { command: ['true'] },
          },
        ],
      }),
    );
    const failure = control.stop(0);
    await expect(failure).rejects.toBeInstanceOf(NodeHookError);
    await expect(failure).rejects.toMatchObject({
      shortMessage: 'stop hook of node "v1": "sh" exited with code 3: disk full',
    });
    await expect(control.start(1)).rejects.toThrow('no node 1 in the node-hooks file (it lists 1)');
  });
});
