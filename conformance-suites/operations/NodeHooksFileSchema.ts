import { z } from 'zod';

const timeoutMs = z.number().int().min(100).max(600_000).default(60_000);

/** Runs a program directly (argv, no shell); success is exit code 0. */
const CommandHookSchema = z.strictObject({
  /** The program and its arguments, e.g. ["systemctl", "stop", "besu@2"]. No shell: no quoting, no expansion. */
  command: z.array(z.string().min(1)).min(1, 'command needs at least the program to run'),
  /** @default 60_000 */
  timeoutMs,
});

/** Calls an operator's HTTP endpoint; success is a 2xx status. */
const HttpHookSchema = z.strictObject({
  http: z.strictObject({
    url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
    /** @default 'POST' */
    method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
    /** Sent as is (e.g. an Authorization header); never printed or stored. @default {} */
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
  }),
  /** @default 60_000 */
  timeoutMs,
});

export const NodeHookSchema = z.union([CommandHookSchema, HttpHookSchema], {
  error: 'a hook is { "command": [program, ...args] } or { "http": { "url": ... } }',
});
export type NodeHook = z.infer<typeof NodeHookSchema>;

export const NodeHooksEntrySchema = z.strictObject({
  /** The operator's name for the node, shown in evidence. */
  name: z.string().min(1).max(100),
  /** Whether the node takes part in consensus (CON-03 counts validators). @default 'validator' */
  role: z.enum(['validator', 'non-validator']).default('validator'),
  /** Index of the node's JSON-RPC endpoint among the run's `--target`s (0 = the first), if it has one. */
  endpoint: z.number().int().min(0).optional(),
  stop: NodeHookSchema,
  start: NodeHookSchema,
  /** @default - stop, then start */
  restart: NodeHookSchema.optional(),
});

/**
 * The node-hooks file (`--node-hooks <file>`, YAML or JSON): how the harness stops, starts and
 * restarts each node of the network for fault experiments (OPS-03 restart, CON-03 crash tolerance;
 * issue 7 item 5). Documented in conformance-suites/operations/README.md.
 */
export const NodeHooksFileSchema = z
  .strictObject({
    version: z.literal(1),
    nodes: z.array(NodeHooksEntrySchema).min(1).max(100),
  })
  .superRefine((file, ctx) => {
    const names = new Set<string>();
    const endpoints = new Set<number>();
    file.nodes.forEach((node, index) => {
      if (names.has(node.name))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', index, 'name'],
          message: `duplicate node name "${node.name}"`,
        });
      names.add(node.name);
      if (node.endpoint !== undefined) {
        if (endpoints.has(node.endpoint))
          ctx.addIssue({
            code: 'custom',
            path: ['nodes', index, 'endpoint'],
            message: `endpoint ${node.endpoint} is already another node's`,
          });
        endpoints.add(node.endpoint);
      }
    });
  });
export type NodeHooksFile = z.infer<typeof NodeHooksFileSchema>;
