import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, type ExpectStatic, inject, it } from 'vitest';
import { z } from 'zod';
import { findFreePort } from '#cli/embedded/findFreePort.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { type RunningDynamoLocal, startDynamoLocal } from '#cli/embedded/startDynamoLocal.ts';
import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { loadTestCertificates } from '#fault-proxy/testCertificates.ts';
import { decodeJsonAttribute } from '#reports/store/decodeJsonAttribute.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';
import { isAlive, survivorsAfter } from '../support/processTable.ts';
import { type HostileMode, startHostileEndpoint } from '../support/startHostileEndpoint.ts';

/**
 * The bad-input corpus (issue 6, deliverable 7): the CLI run as a real child process against bad
 * flags, key files, URLs, folders, stores, hostile endpoints (tests/support/startHostileEndpoint.ts,
 * on 127.0.0.1), signals and services that die. One row a case; every row asserts the exit code, the
 * `chaineval:` line that names the problem and its fix, no stack trace, no process left behind (by
 * PID, and by the case's folder in any command line) and, where the run had started, an incomplete
 * report holding what was obtained.
 */

const cliBin = fileURLToPath(new URL('../../cli/bin/chaineval.js', import.meta.url));
const tlsFixtures = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const devKeyHex = anvilDevPrivateKey.slice(2);
/** In the target URL of the credential rows; must never leave the CLI. */
const password = 's3cret-pass';
const token = 'tok-abcdef123456';
/** A load long enough to be interrupted while it runs; the runs are stopped at its first line. */
const longLoad = ['--rate', '5', '--duration', '30'] as const;
const reportIdPattern = /\b(\d{8}T\d{6}Z-[0-9a-f]{8})\b/;

/** What a row's setup and checks can use; everything it starts is stopped after the row. */
interface CaseContext {
  /** The case's own folder, also the CLI's working directory (reports/out, .chaineval go here). */
  readonly dir: string;
  /** Where the CLI writes report files and the journal (default --out). */
  readonly out: string;
  file(name: string, content: string | Buffer): string;
  /** A file holding anvil's funded dev key. */
  keyFile(): string;
  anvil(): Promise<RunningAnvil>;
  hostile(mode: HostileMode, options?: { upstreamUrl?: string; honestRequests?: number }): Promise<string>;
  /** A port something listens on. */
  busyPort(): Promise<number>;
  /** An HTTPS fault proxy with the test CA's certificate for 127.0.0.1, or (untrusted) a self-signed one. */
  tlsProxy(untrusted: boolean): Promise<string>;
  dynamoLocal(): Promise<RunningDynamoLocal>;
  /** The CLI (once more), in this case's folder; for follow-up commands. */
  cli(argv: readonly string[]): Promise<CliOutcome>;
}

/** The CLI while it runs, for a row that acts at a given moment. */
interface RunningCli {
  readonly pid: number;
  /** PIDs the CLI printed so far ("(pid N)" in its progress lines). */
  servicePids(): number[];
  signal(signal: NodeJS.Signals): void;
}

interface Trigger {
  /** The first stderr line matching this… */
  readonly line: RegExp;
  /** …makes this happen. */
  act(cli: RunningCli, ctx: CaseContext): void | Promise<void>;
}

interface CliOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly pids: readonly number[];
  readonly triggersFired: number;
  readonly timedOut: boolean;
}

interface Row {
  readonly name: string;
  readonly argv: (ctx: CaseContext) => readonly string[] | Promise<readonly string[]>;
  readonly exit: number;
  /** The `chaineval:` line: the only one when `exit` is 1, else the last one. Absent: there is none. */
  readonly message?: RegExp;
  /** Only one `chaineval:` line, whatever the exit code. @default exit === 1 */
  readonly oneLine?: boolean;
  /** No --dynamodb-endpoint is added: the case is about the embedded store. */
  readonly embeddedStore?: true;
  /** Actions on the running CLI (signals, killing a service); each must have fired. */
  readonly triggers?: readonly Trigger[];
  /** Strings that must appear nowhere: output, report files, journal, stored items. */
  readonly secrets?: readonly string[];
  /** The run had started: report file and stored report are incomplete with at least this many results. */
  readonly incomplete?: { readonly reason: RegExp; readonly minResults: number };
  /** Further checks. */
  readonly afterwards?: (outcome: CliOutcome, ctx: CaseContext, expect: ExpectStatic) => Promise<void>;
}

const keyArgs = (ctx: CaseContext, target: string) => [
  '--target',
  target,
  '--private-key-file',
  ctx.keyFile(),
];
const evaluateKey = (file: (ctx: CaseContext) => string) => (ctx: CaseContext) => [
  'evaluate',
  '--target',
  'http://127.0.0.1:1',
  '--private-key-file',
  file(ctx),
];
const hostileTarget =
  (mode: HostileMode) =>
  async (ctx: CaseContext): Promise<string[]> => [
    'evaluate',
    '--profile',
    'quick',
    ...keyArgs(ctx, await ctx.hostile(mode)),
  ];
const endpointPattern = 'http://127\\.0\\.0\\.1:\\d+';
const notAChain = (detail: string) =>
  new RegExp(
    `^${endpointPattern} is not (?:an EVM|a) JSON-RPC endpoint: ${detail}; check that the URL is the node's JSON-RPC endpoint$`,
  );

/** The file's table in the shared DynamoDB Local (tests/e2e/globalSetup.ts). */
let testStore: TestStore;

const rows: readonly Row[] = [
  // ── flags ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'unknown flag',
    argv: () => ['evaluate', '--frobnicate'],
    exit: 1,
    message: /^evaluate: Unknown option '--frobnicate'; run "chaineval evaluate --help" for the flags$/,
  },
  {
    name: 'flag without a value (last argument)',
    argv: () => ['evaluate', '--rate'],
    exit: 1,
    message:
      /^--rate needs a value, but it is the last argument; write --rate <value> .*--help" for the flags$/,
  },
  {
    name: 'flag followed by another flag instead of its value',
    argv: (ctx) => ['evaluate', '--target', '--private-key-file', ctx.keyFile()],
    exit: 1,
    message: /^--target needs a value, but "--private-key-file" follows it; write --target <value>/,
  },
  {
    name: '--rate -5 (a negative value, not an ambiguous flag)',
    argv: () => ['evaluate', '--rate', '-5'],
    exit: 1,
    message: /^--rate must be a positive number \(got "-5"\)$/,
  },
  {
    name: '--rate=-5',
    argv: () => ['evaluate', '--rate=-5'],
    exit: 1,
    message: /^--rate must be a positive number \(got "-5"\)$/,
  },
  {
    name: '--rate abc',
    argv: () => ['evaluate', '--rate', 'abc'],
    exit: 1,
    message: /^--rate must be a positive number \(got "abc"\)$/,
  },
  {
    name: '--duration 0',
    argv: () => ['evaluate', '--duration', '0'],
    exit: 1,
    message: /^--duration must be a positive number \(got "0"\)$/,
  },
  {
    name: '--max-duration -1',
    argv: () => ['evaluate', '--max-duration', '-1'],
    exit: 1,
    message: /^--max-duration must be a positive number \(got "-1"\)$/,
  },
  {
    name: '--shards 0',
    argv: () => ['evaluate', '--shards', '0'],
    exit: 1,
    message: /^--shards must be a positive integer \(got "0"\)$/,
  },
  {
    name: '--shards 1.5',
    argv: () => ['evaluate', '--shards', '1.5'],
    exit: 1,
    message: /^--shards must be a positive integer \(got "1\.5"\)$/,
  },
  {
    name: '--shards 17 (more than run at once)',
    argv: () => ['evaluate', '--shards', '17'],
    exit: 1,
    message: /^17 load shards cannot all run at once here \(at most 16\); lower the shard count/,
  },
  {
    name: 'unknown --profile',
    argv: () => ['evaluate', '--profile', 'jrt-0193-2021'],
    exit: 1,
    message: /^unknown profile "jrt-0193-2021"; known profiles: jrt-0193-2020, quick$/,
  },
  {
    name: 'unknown --param key',
    argv: () => ['evaluate', '--param', 'ledgerSampleBlok=3'],
    exit: 1,
    message:
      /^unknown parameter "ledgerSampleBlok" for profile jrt-0193-2020; known parameters: .*\bledgerSampleBlocks\b/,
  },
  {
    name: '--param allowedCryptoSuites with a suite that does not exist',
    argv: () => ['evaluate', '--param', 'allowedCryptoSuites=["md5"]'],
    exit: 1,
    message: /^parameter allowedCryptoSuites: .*expected one of .*"sm2-sm3".* \(got \["md5"\]\)/,
  },
  {
    name: '--param ledgerSampleBlocks=1 (below its minimum)',
    argv: () => ['evaluate', '--param', 'ledgerSampleBlocks=1'],
    exit: 1,
    message: /^parameter ledgerSampleBlocks: .*>=2 \(got 1\); .*\(2–10000\)/,
  },
  {
    name: '--param without "="',
    argv: () => ['evaluate', '--param', 'ledgerSampleBlocks'],
    exit: 1,
    message: /^--param "ledgerSampleBlocks" must look like key=value, e\.g\. --param ledgerSampleBlocks=64$/,
  },
  {
    name: '--param with an empty key',
    argv: () => ['evaluate', '--param', '=64'],
    exit: 1,
    message: /^--param "=64" must look like key=value/,
  },
  {
    name: '--param given twice',
    argv: () => ['evaluate', '--param', 'ledgerSampleBlocks=8', '--param', 'ledgerSampleBlocks=9'],
    exit: 1,
    message: /^--param ledgerSampleBlocks is given twice; give it once$/,
  },
  {
    name: '--rate together with --param loadRateTps',
    argv: () => ['evaluate', '--rate', '10', '--param', 'loadRateTps=5'],
    exit: 1,
    message: /^--rate and --param loadRateTps set the same parameter; give only one$/,
  },
  {
    name: '--skip of a step that does not exist',
    argv: () => ['evaluate', '--skip', 'property,bogus'],
    exit: 1,
    message: /^--skip accepts property, load \(got "bogus"\)$/,
  },
  {
    name: '--fail-on bogus',
    argv: () => ['evaluate', '--fail-on', 'bogus'],
    exit: 1,
    message: /^--fail-on must be "nonconform" or "partially-conform" \(got "bogus"\)$/,
  },
  {
    name: '--crypto-suite bogus',
    argv: () => ['evaluate', '--crypto-suite', 'md5-rot13'],
    exit: 1,
    message: /^--crypto-suite must be one of secp256k1-keccak256, sm2-sm3, .* \(got "md5-rot13"\)$/,
  },
  {
    name: 'a positional argument to evaluate',
    argv: () => ['evaluate', 'http://127.0.0.1:8545'],
    exit: 1,
    message:
      /^evaluate takes no positional arguments \(got "http:\/\/127\.0\.0\.1:8545"\); use --target <url>/,
  },
  {
    name: 'unknown command',
    argv: () => ['evalute'],
    exit: 1,
    message: /^unknown command "evalute"; run "chaineval --help" for the commands$/,
  },
  {
    name: '--chain-port 0',
    argv: () => ['evaluate', '--chain-port', '0'],
    exit: 1,
    message: /^--chain-port must be a port number 1–65535 \(got "0"\)$/,
  },
  {
    name: '--chain-port 70000',
    argv: () => ['evaluate', '--chain-port', '70000'],
    exit: 1,
    message: /^--chain-port must be a port number 1–65535 \(got "70000"\)$/,
  },
  {
    name: '--chain-port of a port in use',
    argv: async (ctx) => ['evaluate', '--chain-port', String(await ctx.busyPort())],
    exit: 1,
    message:
      /^port \d+ on 127\.0\.0\.1 is already in use; pick another port for the embedded chain or omit the flag/,
  },
  {
    name: '--dynamodb-port of a port in use (embedded store)',
    embeddedStore: true,
    argv: async (ctx) => ['evaluate', '--dynamodb-port', String(await ctx.busyPort())],
    exit: 1,
    message:
      /^port \d+ on 127\.0\.0\.1 is already in use; pick another port for DynamoDB Local or omit the flag/,
  },

  // ── target and key ─────────────────────────────────────────────────────────────────────────────
  {
    name: '--target without a key file',
    argv: () => ['evaluate', '--target', 'http://127.0.0.1:8545'],
    exit: 1,
    message: /^--target needs --private-key-file <file> holding the key of an account funded on that chain$/,
  },
  {
    name: 'key file without --target',
    argv: (ctx) => ['evaluate', '--private-key-file', ctx.keyFile()],
    exit: 1,
    message:
      /^--private-key-file needs --target <url>; without --target the embedded chain and its dev account are used$/,
  },
  ...(
    [
      ['host:port without a scheme', '127.0.0.1:8545', '127.0.0.1:8545'],
      ['a scheme without a host', 'http://', 'http://'],
      ['an ftp:// URL', 'ftp://x', 'ftp://x'],
      ['not a URL', 'not a url', 'not a url'],
      ['an ftp:// URL with credentials and a token', `ftp://user:${password}@x/?apikey=${token}`, '***@x/'],
    ] as const
  ).map(
    ([what, target, shown]): Row => ({
      name: `--target ${what}`,
      argv: (ctx) => ['evaluate', ...keyArgs(ctx, target)],
      exit: 1,
      message: new RegExp(
        `^--target must be an http:// or https:// URL with a host, like http://127\\.0\\.0\\.1:8545 \\(got "${shown.replace(/[.*?/]/g, '\\$&')}"\\)$`,
      ),
      secrets: [password, token],
    }),
  ),
  {
    name: '--target with credentials and a token, nothing listening',
    argv: (ctx) => ['evaluate', ...keyArgs(ctx, `http://user:${password}@127.0.0.1:1/?apikey=${token}`)],
    exit: 1,
    message:
      /^nothing answered at http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\); check the URL and that the node is running$/,
    secrets: [password, token],
  },
  {
    name: 'key file missing',
    argv: evaluateKey((ctx) => join(ctx.dir, 'no-such.key')),
    exit: 1,
    message:
      /^cannot read private key file ".*no-such\.key" \(no such file\); pass --private-key-file <file> holding the 0x-prefixed 32-byte hex key/,
  },
  {
    name: 'key file empty',
    argv: evaluateKey((ctx) => ctx.file('empty.key', '')),
    exit: 1,
    message:
      /^private key file ".*empty\.key" does not hold a 32-byte hex key \(expected 64 hex digits, optionally 0x-prefixed, on one line; found 0 characters\)$/,
  },
  {
    name: 'key file too short',
    argv: evaluateKey((ctx) => ctx.file('short.key', '0xac0974bec39a17e3\n')),
    exit: 1,
    message:
      /^private key file ".*short\.key" does not hold a 32-byte hex key \(expected 64 hex digits.*found 18 characters\)$/,
    secrets: ['ac0974bec39a17e3'],
  },
  {
    name: 'key file not hex',
    argv: evaluateKey((ctx) => ctx.file('nonhex.key', `0x${'zq'.repeat(32)}\n`)),
    exit: 1,
    message:
      /^private key file ".*nonhex\.key" does not hold a 32-byte hex key \(expected 64 hex digits.*found 66 characters\)$/,
    secrets: ['zqzq'],
  },
  ...(
    [
      ['zero', '0'.repeat(64)],
      ['equal to the curve order n', 'fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'],
      ['above the curve order', 'f'.repeat(64)],
    ] as const
  ).map(
    ([what, hex]): Row => ({
      name: `key file of 64 hex digits ${what} (out of the secp256k1 range; never echoed)`,
      argv: evaluateKey((ctx) => ctx.file('range.key', `0x${hex}\n`)),
      exit: 1,
      message:
        /^private key file ".*range\.key" holds 32 bytes that are not a valid secp256k1 key \(zero, or not below the curve order\); pass --private-key-file <file>/,
      secrets: [hex, hex.slice(0, 16)],
    }),
  ),
  {
    name: 'key file is a directory',
    argv: evaluateKey((ctx) => join(ctx.dir, '.')),
    exit: 1,
    message: /^private key file ".*" is not a regular file; pass --private-key-file <file> holding/,
  },
  {
    name: 'key file is a FIFO with no writer (must not hang)',
    argv: evaluateKey((ctx) => {
      const fifo = join(ctx.dir, 'key.fifo');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }),
    exit: 1,
    message: /^private key file ".*key\.fifo" is not a regular file; pass --private-key-file <file>/,
  },
  {
    name: 'key file of 2 MB',
    argv: evaluateKey((ctx) => ctx.file('huge.key', Buffer.alloc(2_000_000, 0x61))),
    exit: 1,
    message:
      /^private key file ".*huge\.key" is 2000000 bytes, too large to hold one key; pass --private-key-file/,
  },
  {
    name: '--ca-file missing',
    argv: (ctx) => [
      'evaluate',
      ...keyArgs(ctx, 'https://127.0.0.1:1'),
      '--ca-file',
      join(ctx.dir, 'none.pem'),
    ],
    exit: 1,
    message:
      /^cannot read --ca-file ".*none\.pem" \(no such file\); pass the PEM certificate of the CA that signed the target's certificate$/,
  },
  {
    name: '--ca-file of garbage',
    argv: (ctx) => [
      'evaluate',
      ...keyArgs(ctx, 'https://127.0.0.1:1'),
      '--ca-file',
      ctx.file('garbage.pem', 'not a certificate\n'),
    ],
    exit: 1,
    message:
      /^--ca-file ".*garbage\.pem" holds no PEM certificate \("-----BEGIN CERTIFICATE-----" is missing\); pass the PEM certificate of the CA/,
  },
  {
    name: '--ca-file with a PEM header around garbage',
    argv: (ctx) => [
      'evaluate',
      ...keyArgs(ctx, 'https://127.0.0.1:1'),
      '--ca-file',
      ctx.file('bad-body.pem', '-----BEGIN CERTIFICATE-----\nAAAAgarbage!!\n-----END CERTIFICATE-----\n'),
    ],
    exit: 1,
    message:
      /^--ca-file ".*bad-body\.pem" holds a PEM block that is not a valid certificate \(.*\); export the CA certificate again$/,
  },

  // ── folders and the store ──────────────────────────────────────────────────────────────────────
  {
    name: '--out is a file',
    argv: (ctx) => ['evaluate', '--out', ctx.file('a-file', 'x')],
    exit: 1,
    message:
      /^--out ".*a-file" is not a writable folder \(EEXIST\); pass --out <dir> with a folder you can write to$/,
  },
  {
    name: '--out under a file',
    argv: (ctx) => ['evaluate', '--out', join(ctx.file('a-file', 'x'), 'reports')],
    exit: 1,
    message: /^--out ".*a-file\/reports" is not a writable folder \(ENOTDIR\); pass --out <dir>/,
  },
  {
    name: '--out /proc/x (unwritable even for root; must not hang)',
    argv: () => ['evaluate', '--out', '/proc/chaineval-x'],
    exit: 1,
    message:
      /^--out "\/proc\/chaineval-x" is not a writable folder \(ENOENT\); pass --out <dir> with a folder you can write to$/,
  },
  {
    name: '.chaineval is a file (embedded store)',
    embeddedStore: true,
    argv: (ctx) => {
      ctx.file('.chaineval', 'x');
      return ['evaluate'];
    },
    exit: 1,
    message:
      /^the embedded store folder ".*\.chaineval\/dynamodb" is not a writable folder \(ENOTDIR\); run chaineval from a folder you can write to, or pass --dynamodb-endpoint$/,
  },
  {
    name: '--table a (too short)',
    argv: () => ['evaluate', '--table', 'a'],
    exit: 1,
    message: /^--table "a" is not a DynamoDB table name \(3–255 letters, digits, "_", "-" or "\."\)$/,
  },
  {
    name: '--table with spaces',
    argv: () => ['evaluate', '--table', 'my reports'],
    exit: 1,
    message: /^--table "my reports" is not a DynamoDB table name/,
  },
  ...(
    [
      ['not a URL', 'localhost-8000'],
      ['ftp://', 'ftp://127.0.0.1:8000'],
    ] as const
  ).map(
    ([what, endpoint]): Row => ({
      name: `--dynamodb-endpoint ${what}`,
      argv: () => ['evaluate', '--dynamodb-endpoint', endpoint],
      exit: 1,
      message: new RegExp(
        `^--dynamodb-endpoint must be an http\\(s\\) URL like http://127\\.0\\.0\\.1:8000 \\(got "${endpoint.replace(/\./g, '\\.')}"\\)$`,
      ),
    }),
  ),
  {
    name: '--dynamodb-endpoint with nothing listening',
    argv: () => ['evaluate', '--dynamodb-endpoint', 'http://127.0.0.1:1'],
    exit: 1,
    message:
      /^nothing answered at the DynamoDB endpoint http:\/\/127\.0\.0\.1:1 \(table ".*"\) \(ECONNREFUSED\); check the endpoint, or omit --dynamodb-endpoint to use the embedded store$/,
  },
  ...(
    [
      ['an HTML web server', 'html-page', /answered HTTP 200, but not as DynamoDB/],
      ['answering HTTP 500', 'http-500', /answered HTTP 500, but not as DynamoDB/],
      ['that accepts and never answers', 'hang', /did not answer within 10000 ms/],
    ] as const
  ).map(
    ([what, mode, problem]): Row => ({
      name: `--dynamodb-endpoint ${what}`,
      argv: async (ctx) => ['evaluate', '--dynamodb-endpoint', await ctx.hostile(mode)],
      exit: 1,
      message: new RegExp(
        `^the DynamoDB endpoint ${endpointPattern} \\(table ".*"\\) ${problem.source}; check the endpoint, or omit --dynamodb-endpoint`,
      ),
    }),
  ),
  {
    name: 'reports list with a DynamoDB endpoint that accepts and never answers',
    argv: async (ctx) => ['reports', 'list', '--dynamodb-endpoint', await ctx.hostile('hang')],
    exit: 1,
    message: new RegExp(
      `^the DynamoDB endpoint ${endpointPattern} \\(table ".*"\\) did not answer within 10000 ms; check the endpoint`,
    ),
  },
  {
    name: 'reports list with the DynamoDB endpoint closed',
    argv: () => ['reports', 'list', '--dynamodb-endpoint', 'http://127.0.0.1:1'],
    exit: 1,
    message:
      /^nothing answered at the DynamoDB endpoint http:\/\/127\.0\.0\.1:1 .*\(ECONNREFUSED\); check the endpoint/,
  },
  {
    name: 'reports show with the DynamoDB endpoint closed',
    argv: () => ['reports', 'show', '20261124T101500Z-1a2b3c4d', '--dynamodb-endpoint', 'http://127.0.0.1:1'],
    exit: 1,
    message:
      /^nothing answered at the DynamoDB endpoint http:\/\/127\.0\.0\.1:1 .*\(ECONNREFUSED\); check the endpoint/,
  },
  {
    name: 'reports show of a run that does not exist',
    argv: () => ['reports', 'show', '20261124T101500Z-1a2b3c4d'],
    exit: 1,
    message:
      /^no run "20261124T101500Z-1a2b3c4d" in table bad-input-\w+; "chaineval reports list" shows the stored ones$/,
  },
  {
    name: 'reports show of something that is not a run id',
    argv: () => ['reports', 'show', '../../etc/passwd'],
    exit: 1,
    message:
      /^reports show needs a run id like 20261124T101500Z-1a2b3c4d \(got "\.\.\/\.\.\/etc\/passwd"\); "chaineval reports list" shows them$/,
  },
  {
    name: 'reports list --limit 0',
    argv: () => ['reports', 'list', '--limit', '0'],
    exit: 1,
    message: /^--limit must be an integer 1–1000 \(got "0"\)$/,
  },
  {
    name: 'reports import of a folder without a journal',
    argv: (ctx) => ['reports', 'import', ctx.dir],
    exit: 1,
    message: /^cannot read journal .*journal\.jsonl \(ENOENT\); pass a run's folder under reports\/out$/,
  },
  {
    name: 'reports import of a journal with no complete entry',
    argv: (ctx) => {
      ctx.file('journal.jsonl', 'garbage');
      return ['reports', 'import', ctx.dir];
    },
    exit: 1,
    message:
      /^journal .*journal\.jsonl holds no complete entry; pass the folder of a run that "chaineval evaluate" wrote$/,
  },
  {
    name: 'reports import of a journal with a corrupt line',
    argv: (ctx) => {
      ctx.file('journal.jsonl', 'garbage\n{"type":"run"}\n');
      return ['reports', 'import', ctx.dir];
    },
    exit: 1,
    message: /^journal .*journal\.jsonl line 1 is not JSON; the file was edited or corrupted$/,
  },

  // ── hostile targets: refused before a run starts ───────────────────────────────────────────────
  {
    name: 'target answering HTTP 500',
    argv: hostileTarget('http-500'),
    exit: 1,
    message: notAChain(`eth_chainId failed on ${endpointPattern}: HTTP 500`),
  },
  {
    name: 'target answering an HTML page',
    argv: hostileTarget('html-page'),
    exit: 1,
    message: notAChain('it answered HTTP 200 with a body that is not JSON'),
  },
  {
    name: 'target answering text that is not JSON',
    argv: hostileTarget('not-json'),
    exit: 1,
    message: notAChain('it answered HTTP 200 with a body that is not JSON'),
  },
  {
    name: 'target answering JSON that is not JSON-RPC',
    argv: hostileTarget('json-not-rpc'),
    exit: 1,
    message: notAChain('its answer is JSON but not a JSON-RPC 2.0 response'),
  },
  {
    name: 'target answering JSON-RPC with the wrong types',
    argv: hostileTarget('wrong-types'),
    exit: 1,
    message: notAChain(`eth_chainId on ${endpointPattern} returned a malformed answer: .*`),
  },
  {
    name: 'target answering an endless body',
    argv: hostileTarget('endless-body'),
    exit: 1,
    message: new RegExp(
      `^response from ${endpointPattern} exceeded 16777216 bytes; the endpoint is not answering like a JSON-RPC node; check that the URL is the node's JSON-RPC endpoint$`,
    ),
  },
  {
    name: 'target answering a byte every 2 s (slow loris: ends at the 10 s request deadline)',
    argv: hostileTarget('slow-loris'),
    exit: 1,
    message: new RegExp(
      `^no complete response from ${endpointPattern} within 10000 ms \\(the deadline of each request\\); check that the node is not overloaded`,
    ),
  },
  {
    name: 'target that accepts and never answers (ends at the 10 s request deadline)',
    argv: hostileTarget('hang'),
    exit: 1,
    message: new RegExp(
      `^nothing answered at ${endpointPattern} within 10000 ms; check the URL and that the node is running$`,
    ),
  },
  {
    name: 'target resetting the connection',
    argv: hostileTarget('reset'),
    exit: 1,
    message: new RegExp(
      `^nothing answered at ${endpointPattern} \\(ECONNRESET\\); check the URL and that the node is running$`,
    ),
  },
  {
    name: 'target redirecting elsewhere',
    argv: hostileTarget('redirect'),
    exit: 1,
    message: notAChain(
      `eth_chainId failed on ${endpointPattern}: HTTP 302 \\(a redirect, which chaineval does not follow\\)`,
    ),
  },
  {
    name: 'target answering a gzip bomb (not inflated)',
    argv: hostileTarget('gzip-bomb'),
    exit: 1,
    message: notAChain('it answered HTTP 200 with a body that is not JSON'),
  },
  {
    name: 'target with nothing listening',
    argv: (ctx) => ['evaluate', ...keyArgs(ctx, 'http://127.0.0.1:1')],
    exit: 1,
    message:
      /^nothing answered at http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\); check the URL and that the node is running$/,
  },
  {
    name: 'https target that speaks plain http',
    argv: async (ctx) => [
      'evaluate',
      ...keyArgs(ctx, (await ctx.hostile('html-page')).replace('http:', 'https:')),
    ],
    exit: 1,
    message:
      /^TLS with https:\/\/127\.0\.0\.1:\d+ failed \(EPROTO: the endpoint does not speak TLS\); if it serves plain HTTP, use an http:\/\/ URL$/,
  },
  {
    name: 'https target with an untrusted self-signed certificate',
    argv: async (ctx) => ['evaluate', ...keyArgs(ctx, await ctx.tlsProxy(true))],
    exit: 1,
    message:
      /^the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not signed by a public CA \(DEPTH_ZERO_SELF_SIGNED_CERT\); pass --ca-file <pem> with the CA that signed it$/,
  },
  {
    name: 'https target with an untrusted certificate, --ca-file of another CA',
    argv: async (ctx) => [
      'evaluate',
      ...keyArgs(ctx, await ctx.tlsProxy(true)),
      '--ca-file',
      join(tlsFixtures, 'ca.cert.pem'),
    ],
    exit: 1,
    message:
      /^the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not signed by the CA in --ca-file nor by a public CA \(DEPTH_ZERO_SELF_SIGNED_CERT\); check that --ca-file holds the CA/,
  },
  {
    name: 'https target signed by a private CA, without --ca-file',
    argv: async (ctx) => ['evaluate', ...keyArgs(ctx, await ctx.tlsProxy(false))],
    exit: 1,
    message:
      /^the TLS certificate of https:\/\/127\.0\.0\.1:\d+ is not signed by a public CA \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\); pass --ca-file <pem>/,
  },

  // ── hostile targets mid-run: the run ends incomplete with what it obtained ─────────────────────
  {
    name: 'target that dies halfway through the run',
    argv: async (ctx) => {
      const anvil = await ctx.anvil();
      const url = await ctx.hostile('dies-halfway', { upstreamUrl: anvil.url, honestRequests: 60 });
      return ['evaluate', '--profile', 'quick', ...keyArgs(ctx, url)];
    },
    exit: 2,
    message:
      /^run incomplete: target http:\/\/127\.0\.0\.1:\d+ stopped answering during check "[a-z-]+"; the results obtained are in report \S+$/,
    incomplete: { reason: /stopped answering during check/, minResults: 3 },
  },
  {
    name: 'target whose chain id changes mid-run',
    argv: async (ctx) => {
      const anvil = await ctx.anvil();
      const url = await ctx.hostile('chain-id-changes', { upstreamUrl: anvil.url, honestRequests: 60 });
      return ['evaluate', '--profile', 'quick', ...keyArgs(ctx, url)];
    },
    exit: 2,
    message:
      /^run incomplete: the target's chain id changed during the run \(31337 at the start, 1337 at the end\), so its results may mix two chains; evaluate an endpoint that stays on one chain; the results obtained are in report \S+$/,
    incomplete: {
      reason: /chain id changed during the run \(31337 at the start, 1337 at the end\)/,
      minResults: 12,
    },
  },
  {
    name: 'target URL with credentials and a query token: a whole run leaks neither',
    argv: async (ctx) => {
      const { port } = await ctx.anvil();
      return [
        'evaluate',
        '--profile',
        'quick',
        ...keyArgs(ctx, `http://user:${password}@127.0.0.1:${port}/?apikey=${token}`),
      ];
    },
    exit: 0,
    secrets: [password, token],
    afterwards: async (outcome, ctx, expect) => {
      const id = reportIdOf(outcome);
      const show = await ctx.cli(['reports', 'show', id, '--json']);
      expect(show.code, show.stderr).toBe(0);
      expect(ReportSchema.parse(JSON.parse(show.stdout)).run.status).toBe('complete');
      for (const secret of [password, token]) expect(show.stdout + show.stderr).not.toContain(secret);
    },
  },
  {
    name: 'target URL with credentials and a query token dies halfway: its errors leak neither',
    argv: async (ctx) => {
      const anvil = await ctx.anvil();
      const url = await ctx.hostile('dies-halfway', { upstreamUrl: anvil.url, honestRequests: 60 });
      const { port } = new URL(url);
      return [
        'evaluate',
        '--profile',
        'quick',
        ...keyArgs(ctx, `http://user:${password}@127.0.0.1:${port}/?apikey=${token}`),
      ];
    },
    exit: 2,
    message:
      /^run incomplete: target http:\/\/127\.0\.0\.1:\d+ stopped answering during check "[a-z-]+"; the results obtained are in report \S+$/,
    incomplete: { reason: /stopped answering during check/, minResults: 3 },
    secrets: [password, token],
  },

  // ── signals and dying services ─────────────────────────────────────────────────────────────────
  ...(['SIGTERM', 'SIGHUP'] as const).map(
    (signal): Row => ({
      name: `${signal} to the CLI mid-run`,
      argv: () => ['evaluate', ...longLoad],
      triggers: [{ line: /\[load\]/, act: (cli) => cli.signal(signal) }],
      exit: 2,
      message: new RegExp(
        `^run incomplete: interrupted by ${signal}; the results obtained are in report \\S+$`,
      ),
      incomplete: { reason: new RegExp(`^interrupted by ${signal}$`), minResults: 13 },
    }),
  ),
  {
    name: 'two SIGINTs mid-run: stop at once',
    argv: () => ['evaluate', ...longLoad],
    triggers: [
      { line: /\[load\]/, act: (cli) => cli.signal('SIGINT') },
      { line: /interrupted by SIGINT: finishing the check in flight/, act: (cli) => cli.signal('SIGINT') },
    ],
    exit: 130,
    message: /^SIGINT again: stopped at once; what was stored so far stays in the store and the run journal$/,
    afterwards: async (outcome, ctx, expect) => {
      // What was stored before the second interrupt is in the journal.
      const id = reportIdOf(outcome);
      expect(readFileSync(join(ctx.out, id, 'journal.jsonl'), 'utf8')).toContain('"type":"result"');
    },
  },
  {
    name: 'SIGINT during start-up, before the run exists',
    embeddedStore: true,
    argv: () => ['evaluate'],
    triggers: [{ line: /starting embedded DynamoDB Local/, act: (cli) => cli.signal('SIGINT') }],
    exit: 130,
    oneLine: true,
    message: /^interrupted by SIGINT while starting; nothing was stored$/,
  },
  {
    name: 'the embedded chain dies mid-run (SIGKILL to the anvil PID it printed)',
    argv: () => ['evaluate', ...longLoad],
    triggers: [
      {
        line: /\[load\]/,
        act: (cli) => {
          const [anvil] = cli.servicePids();
          if (anvil === undefined) throw new Error('the CLI printed no anvil PID');
          process.kill(anvil, 'SIGKILL');
        },
      },
    ],
    exit: 2,
    message:
      /^run incomplete: the embedded chain exited during the run; the results obtained are in report \S+$/,
    incomplete: { reason: /^the embedded chain exited during the run$/, minResults: 13 },
  },
  {
    name: 'an external DynamoDB Local dies mid-run: the run goes on, the journal is imported later',
    argv: async (ctx) => {
      const dynamo = await ctx.dynamoLocal();
      return ['evaluate', '--rate', '5', '--duration', '3', '--dynamodb-endpoint', dynamo.endpoint];
    },
    triggers: [
      {
        line: /\[load\]/,
        act: async (_cli, ctx) => (await ctx.dynamoLocal()).kill(),
      },
    ],
    exit: 2,
    message:
      /^the report was written to .* but not stored \(nothing answered at the DynamoDB endpoint .*\); when the store is back, run: chaineval reports import \S+$/,
    afterwards: async (outcome, ctx, expect) => {
      const dir = /chaineval reports import (\S+)$/m.exec(outcome.stderr)?.[1] ?? '';
      const id = reportIdOf(outcome);
      expect(existsSync(join(dir, 'report.json'))).toBe(true);
      expect(existsSync(join(dir, 'report.html'))).toBe(true);
      const imported = await ctx.cli(['reports', 'import', dir]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`^imported \\d+ journal entries of run ${id} into table `));
      const show = await ctx.cli(['reports', 'show', id, '--json']);
      expect(show.code, show.stderr).toBe(0);
      const report = ReportSchema.parse(JSON.parse(show.stdout));
      expect(report.reportId).toBe(id);
      expect(report.results.length).toBeGreaterThanOrEqual(13);
    },
  },
];

describe.concurrent('bad-input corpus: one clear line, the right exit code, nothing left behind', () => {
  const children = new Set<ChildProcess>();
  const folders: string[] = [];

  beforeAll(async () => {
    testStore = await openTestStore(inject('dynamoEndpoint'), 'bad-input');
  });
  afterAll(async () => {
    // Only what a failed row left: a passing row leaves no child running.
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await testStore?.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  async function runCli(
    argv: readonly string[],
    cwd: string,
    ctx: CaseContext | undefined,
    triggers: readonly Trigger[] = [],
  ): Promise<CliOutcome> {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CHAINEVAL_DEBUG;
    const child = spawn(process.execPath, [cliBin, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let partial = '';
    const pids = new Set<number>();
    const fired = new Set<number>();
    const failures: unknown[] = [];
    const running: RunningCli = {
      pid: child.pid ?? -1,
      servicePids: () => [...pids],
      signal: (signal) => child.kill(signal),
    };
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        for (const match of line.matchAll(/\(pid (\d+)\)/g)) pids.add(Number(match[1]));
        triggers.forEach((trigger, i) => {
          if (fired.has(i) || !trigger.line.test(line) || ctx === undefined) return;
          fired.add(i);
          Promise.resolve()
            .then(() => trigger.act(running, ctx))
            .catch((error: unknown) => failures.push(error));
        });
      }
    });
    let timedOut = false;
    // A hang is a failure of the row, not of the whole file: stop the CLI and say so.
    const watchdog = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 80_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('close', (c, s) => resolve([c, s])),
    );
    clearTimeout(watchdog);
    if (failures.length > 0) throw failures[0];
    return { code, signal, stdout, stderr, pids: [...pids], triggersFired: fired.size, timedOut };
  }

  for (const row of rows) {
    it(row.name, async ({ expect, onTestFinished }) => {
      const dir = mkdtempSync(join(tmpdir(), 'chaineval-bad-input-'));
      folders.push(dir);
      const out = join(dir, 'out');
      const cleanups: (() => Promise<unknown> | unknown)[] = [];
      onTestFinished(async () => {
        for (const fn of cleanups.reverse()) await fn();
      });
      let dynamo: Promise<RunningDynamoLocal> | undefined;
      const ctx: CaseContext = {
        dir,
        out,
        file(name, content) {
          const path = join(dir, name);
          writeFileSync(path, content);
          return path;
        },
        keyFile() {
          return ctx.file('funded.key', `${anvilDevPrivateKey}\n`);
        },
        async anvil() {
          const anvil = await startAnvil();
          cleanups.push(() => anvil.stop());
          return anvil;
        },
        async hostile(mode, options = {}) {
          const endpoint = await startHostileEndpoint({ mode, ...options });
          cleanups.push(() => endpoint.close());
          return endpoint.url;
        },
        async busyPort() {
          const server: Server = createServer();
          await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
          cleanups.push(() => new Promise((resolve) => server.close(resolve)));
          const address = server.address();
          return typeof address === 'object' && address ? address.port : 0;
        },
        async tlsProxy(untrusted) {
          const certificates = loadTestCertificates();
          const proxy = await startFaultProxy({
            // The handshake fails before anything is forwarded.
            upstreamUrl: `http://127.0.0.1:${await findFreePort()}`,
            tls: { keyPem: certificates.serverKeyPem, certPem: certificates.serverCertPem },
            faults: untrusted ? ['untrusted-certificate'] : [],
          });
          cleanups.push(() => proxy.close());
          return proxy.url;
        },
        dynamoLocal() {
          dynamo ??= startDynamoLocal().then((started) => {
            cleanups.push(() => started.stop());
            return started;
          });
          return dynamo;
        },
        cli: (argv) => runCli(withDefaults(argv, row, ctx), dir, undefined),
      };

      const argv = withDefaults(await row.argv(ctx), row, ctx);
      const outcome = await runCli(argv, dir, ctx, row.triggers);
      const output = `${outcome.stdout}\n${outcome.stderr}`;
      const report = `exit ${outcome.code}${outcome.signal ? ` (${outcome.signal})` : ''}\n${output}`;

      expect(outcome.timedOut, `the CLI did not end within 80 s\n${report}`).toBe(false);
      expect(outcome.code, report).toBe(row.exit);
      expect(outcome.triggersFired, `not every trigger fired\n${report}`).toBe(row.triggers?.length ?? 0);
      // No stack trace, no crash dump, no "please report": bad input is never a harness bug.
      expect(output, report).not.toMatch(/^\s+at \S.*[:(]\d+/m);
      expect(output).not.toMatch(/node:internal|internal error \(please report|unhandled|uncaught/i);
      // anvil's dev key is in the key file of most rows: it never reaches the output.
      expect(output).not.toContain(devKeyHex);

      const messages = outcome.stderr
        .split('\n')
        .filter((line) => line.startsWith('chaineval: '))
        .map((line) => line.slice('chaineval: '.length));
      if (row.message === undefined) {
        expect(messages, report).toEqual([]);
      } else {
        if (row.oneLine ?? row.exit === 1) expect(messages, report).toHaveLength(1);
        expect(messages.at(-1), report).toMatch(row.message);
      }
      if (row.exit === 1) {
        // Refused before anything started: no service, no run.
        expect(outcome.stderr, report).not.toMatch(/starting embedded|\(pid \d+\)/);
        expect(existsSync(out) ? readdirSync(out) : [], report).toEqual([]);
      }

      // Nothing left behind: no printed PID (or its process group) alive, no process naming the folder.
      expect(await survivorsAfter(outcome.pids), report).toEqual([]);
      expect(await processesMentioningAfter(dir), report).toEqual([]);

      if (row.incomplete) await expectIncomplete(outcome, ctx, row.incomplete, expect, report);
      if (row.secrets) await expectNoSecrets(outcome, ctx, row.secrets, expect);
      await row.afterwards?.(outcome, ctx, expect);
    });
  }
});

/** The store flags of the shared DynamoDB Local and the file's table, and --out under the case's folder. */
function withDefaults(argv: readonly string[], row: Row, ctx: CaseContext): string[] {
  const [command, ...rest] = argv;
  if (command !== 'evaluate' && command !== 'reports') return [...argv];
  const has = (flag: string) => rest.includes(flag);
  // Before the row's own arguments, so a row whose last argument is a flag keeps it last.
  return [
    command,
    ...(row.embeddedStore || has('--dynamodb-endpoint')
      ? []
      : ['--dynamodb-endpoint', inject('dynamoEndpoint')]),
    ...(row.embeddedStore || has('--table') ? [] : ['--table', testStore.tableName]),
    ...(command === 'evaluate' && !has('--out') ? ['--out', ctx.out] : []),
    ...rest,
  ];
}

function reportIdOf(outcome: CliOutcome): string {
  const id = (/^report (\S+):/m.exec(outcome.stdout) ?? reportIdPattern.exec(outcome.stderr))?.[1];
  if (id === undefined) throw new Error(`no report id in the output:\n${outcome.stdout}\n${outcome.stderr}`);
  return id;
}

async function expectIncomplete(
  outcome: CliOutcome,
  ctx: CaseContext,
  expected: NonNullable<Row['incomplete']>,
  expect: ExpectStatic,
  report: string,
): Promise<void> {
  const id = reportIdOf(outcome);
  const check = (where: string, r: Report | null | undefined) => {
    expect(r?.run.status, `${where}\n${report}`).toBe('incomplete');
    expect(r?.run.incompleteReason, where).toMatch(expected.reason);
    expect(r?.results.length, where).toBeGreaterThanOrEqual(expected.minResults);
  };
  check(
    'report.json',
    ReportSchema.parse(JSON.parse(readFileSync(join(ctx.out, id, 'report.json'), 'utf8'))),
  );
  check('the stored report', await testStore.store.getReport(id));
  expect(existsSync(join(ctx.out, id, 'report.html'))).toBe(true);
  expect(existsSync(join(ctx.out, id, 'journal.jsonl'))).toBe(true);
}

/** The secrets appear in no output, no file the CLI wrote, and no item it stored for the run. */
async function expectNoSecrets(
  outcome: CliOutcome,
  ctx: CaseContext,
  secrets: readonly string[],
  expect: ExpectStatic,
): Promise<void> {
  const places: [string, string][] = [
    ['stdout', outcome.stdout],
    ['stderr', outcome.stderr],
  ];
  for (const file of filesUnder(ctx.out)) places.push([file, readFileSync(file, 'utf8')]);
  const id = reportIdPattern.exec(outcome.stdout + outcome.stderr)?.[1];
  if (id !== undefined) {
    const items = await testStore.client.send(
      new QueryCommand({
        TableName: testStore.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `RUN#${id}` } },
      }),
    );
    expect(items.Items?.length, 'the run stored items').toBeGreaterThan(0);
    for (const item of items.Items ?? []) {
      const payload = decodeJsonAttribute(item, z.unknown(), `item ${item.sk?.S}`);
      places.push([`stored ${item.sk?.S}`, JSON.stringify(item) + JSON.stringify(payload)]);
    }
    expect(places.map(([where]) => where)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/report\.json$/),
        expect.stringMatching(/journal\.jsonl$/),
      ]),
    );
  }
  for (const [where, text] of places) {
    for (const secret of secrets) expect(text, `${secret} in ${where}`).not.toContain(secret);
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Living processes whose command line names `text` (the case's folder), after up to 5 s for them to go. */
async function processesMentioningAfter(text: string): Promise<number[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        if (pid === process.pid) return false;
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text) && isAlive(pid);
        } catch {
          return false;
        }
      });
    if (pids.length === 0 || Date.now() > deadline) return pids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
