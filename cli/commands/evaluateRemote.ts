import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { z } from 'zod';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { findProfile } from '#core/profile/resolveProfile.ts';
import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { EvidenceFileSchema } from '#core/run/AttestationSchema.ts';
import { SkippableKindSchema } from '#core/run/RunRequestSchema.ts';
import { redactUrl } from '#core/security/redactUrl.ts';
import { registry } from '#registry/index.ts';
import { renderTerminalSummary } from '#reports/render/renderTerminalSummary.ts';
import { type EvaluationStatus, EvaluationStatusSchema } from '../../lambdas/apiRead/schema.ts';
import {
  IdempotencyKeySchema,
  type StartEvaluationBody,
  StartEvaluationBodySchema,
  StartEvaluationOutputSchema,
} from '../../lambdas/apiStart/schema.ts';
import type { CliIo } from '../CliIo.ts';
import { parseFlags } from '../parseFlags.ts';
import { parseParamFlags } from '../parseParamFlags.ts';
import { readStructuredFile } from '../readStructuredFile.ts';
import {
  type ApiAnswer,
  type ApiClient,
  type AwsCredentials,
  createApiClient,
} from '../remote/createApiClient.ts';
import { parseApiUrl } from '../remote/parseApiUrl.ts';
import { RemoteApiUnavailableError } from '../remote/RemoteApiUnavailableError.ts';
import { watchInterrupts } from '../watchInterrupts.ts';

export const evaluateRemoteHelp = `Usage: chaineval evaluate --remote <api-url> --target <url> --key-secret-id <name> [flags]

Submits the evaluation to a deployed chaineval API (docs/deploy.md) instead of running it here:
POST /evaluations signed with your AWS credentials (SigV4; a principal with the stack's starter
policy), then follows the run until its report is stored and prints the report's summary and the
link to its HTML page. The funded key stays in Secrets Manager: only its name is sent.

Flags:
  --remote <api-url>          the stack's ApiUrl output, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/v1
  --target <url>              EVM JSON-RPC endpoint the cloud run evaluates (once)
  --key-secret-id <name>      Secrets Manager name of the target's funded key (under the stack's TargetSecretPrefix)
  --idempotency-key <key>     resend an earlier submission (same flags) and follow its run instead of starting
                              another; default: a new key, printed first
  --profile, --param, --params, --skip, --shards, --rate, --duration, --crypto-suite, --evidence
                              as for a local run (chaineval evaluate --help)
  --region <region>           region to sign for, when the URL does not say (a custom domain); default AWS_REGION
  --poll-interval <s>         seconds between progress requests (default 5)
  --max-duration <s>          stop following after this many seconds (default 7200); the run goes on in the cloud
  --fail-on <verdict>         exit 3 when the overall verdict is this bad: nonconform | partially-conform
  --no-color                  plain output
  -h, --help                  this help

Exit codes: 0 done · 1 bad input, no credentials, refused or unreachable API · 2 run incomplete, or
no longer followed (it goes on; rerun with --idempotency-key to follow it again) · 3 verdict worse
than --fail-on · 130 interrupted (the run goes on in the cloud).
`;

/** Flags of a local run that mean nothing for a cloud run: refused by name rather than ignored. */
const localOnlyFlags = [
  'private-key-file',
  'ca-file',
  'node-hooks',
  'dynamodb-endpoint',
  'table',
  'out',
  'format',
  'signing-key',
  'chain-port',
  'dynamodb-port',
  'lang',
] as const;

const ParamsFileSchema = z.record(z.string(), z.json());

/**
 * How long a submitted run may have no record before the CLI says its plan step failed: the plan
 * function's timeout (5 min) plus its retries' first back-off. The API's read side cannot see a
 * Step Functions execution that failed before storing the run (a refused target, an unreadable key).
 */
const unstoredRunGraceMs = 6 * 60_000;
/** How long after a run is marked finished its files may take to appear (finalize seals, then writes them). */
const reportFilesWaitMs = 120_000;
/** The files are there, or finalize recorded that they will not be. */
const publicationSettled = (status: EvaluationStatus) =>
  status.reportFiles?.some((f) => f.name === 'report.html') === true ||
  status.publication?.filesWritten === false;
/** Consecutive failed progress requests (network, 5xx) before the CLI stops following. */
const maxConsecutiveFailures = 5;

/** True when argv asks for a remote run (`--remote <url>` or `--remote=<url>`). */
export function wantsRemote(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--remote' || a.startsWith('--remote='));
}

/** `chaineval evaluate --remote`: validate → sign and submit → follow → print the report. */
export async function evaluateRemoteCommand(
  argv: readonly string[],
  io: CliIo,
  credentials: () => Promise<AwsCredentials> = defaultProvider(),
): Promise<number> {
  const inputs = await validateInputs(argv, io);
  if (inputs === 'help') {
    io.out(evaluateRemoteHelp);
    return 0;
  }
  const api = await createApiClient(inputs.location, credentials);
  const { key, body } = inputs;
  io.progress(`idempotency key ${key} (rerun with --idempotency-key ${key} to resend this submission)`);
  const submitted = expectJson(
    await api.send('POST', '/evaluations', {
      body: JSON.stringify(body),
      headers: { 'idempotency-key': key },
    }),
    StartEvaluationOutputSchema,
    'POST /evaluations',
    inputs.location.baseUrl,
  );
  const { runId } = submitted;
  io.progress(
    submitted.started
      ? `run ${runId} started on ${inputs.location.baseUrl} against ${redactUrl(body.targetUrl)} (${body.profile})`
      : `run ${runId} was already submitted with this key; following it`,
  );

  const interrupts = watchInterrupts({
    onFirst: () => {},
    onSecond: () => process.exit(130),
  });
  try {
    return await followRun(api, runId, inputs, interrupts.signal, io);
  } finally {
    interrupts.dispose();
  }
}

/**
 * Follows a submitted run: progress lines until it is finished (bounded by --max-duration, Ctrl-C
 * and consecutive failures), then its report's summary and the link to its HTML page.
 */
async function followRun(
  api: ApiClient,
  runId: string,
  inputs: RemoteInputs,
  signal: AbortSignal,
  io: CliIo,
): Promise<number> {
  const resume = `rerun with the same flags and --idempotency-key ${inputs.key} to follow it again`;
  const deadline = Date.now() + inputs.maxDurationS * 1_000;
  const submittedAt = Date.now();
  let failures = 0;
  let lastLine = '';
  let status: EvaluationStatus | undefined;
  for (let polls = 0; polls < 1_000_000; polls++) {
    if (signal.aborted) {
      io.error(
        `${String(signal.reason)}: stopped following run ${runId}; it goes on in the cloud; ${resume}`,
      );
      return 130;
    }
    if (Date.now() > deadline) {
      io.error(
        `stopped following run ${runId} after --max-duration ${inputs.maxDurationS} s; it goes on in the cloud; ${resume}`,
      );
      return 2;
    }
    let answer: ApiAnswer | undefined;
    try {
      answer = await api.send('GET', `/evaluations/${runId}`);
      if (answer.status >= 500) {
        throw new RemoteApiUnavailableError(
          `the API failed (${answer.status}) answering GET /evaluations/${runId}`,
        );
      }
      failures = 0;
    } catch (error) {
      if (!(error instanceof RemoteApiUnavailableError)) throw error;
      failures += 1;
      if (failures >= maxConsecutiveFailures) {
        io.error(
          `${error.shortMessage}; gave up after ${failures} tries; run ${runId} goes on in the cloud; ${resume}`,
        );
        return 2;
      }
    }
    if (answer?.status === 404 && isApiError(answer.json)) {
      if (Date.now() - submittedAt > unstoredRunGraceMs) {
        io.error(
          `run ${runId} has no record ${Math.round(unstoredRunGraceMs / 60_000)} min after it was submitted: its plan step failed before storing it (a refused or unreachable target, an unreadable key secret); the execution named ${runId} of the stack's state machine says why`,
        );
        return 2;
      }
      lastLine = reportProgress(io, `run ${runId}: waiting for the plan step to store the run …`, lastLine);
    } else if (answer !== undefined) {
      status = expectJson(
        answer,
        EvaluationStatusSchema,
        `GET /evaluations/${runId}`,
        inputs.location.baseUrl,
      );
      const { checksDone, checksPlanned } = status.progress;
      lastLine = reportProgress(
        io,
        `run ${runId}: ${status.status}, ${checksDone} of ${checksPlanned} checks done`,
        lastLine,
      );
      if (status.status !== 'running') break;
    }
    await sleep(inputs.pollIntervalS * 1_000, undefined, { signal }).catch(() => undefined);
  }
  if (status === undefined || status.status === 'running') {
    throw new Error(`the progress loop of run ${runId} ended without a finished run (a harness bug)`);
  }

  // The run is marked finished when its report is stored; finalize then seals it and writes its
  // files, seconds later. Wait for them, bounded, rather than call a report without files final.
  const filesWaitEnd = Math.min(deadline, Date.now() + reportFilesWaitMs);
  for (let polls = 0; polls < 10_000 && !publicationSettled(status) && Date.now() < filesWaitEnd; polls++) {
    await sleep(inputs.pollIntervalS * 1_000, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) break;
    const answer = await api.send('GET', `/evaluations/${runId}`).catch(() => undefined);
    if (answer?.status === 200) {
      status = expectJson(
        answer,
        EvaluationStatusSchema,
        `GET /evaluations/${runId}`,
        inputs.location.baseUrl,
      );
    }
  }

  const report: Report = expectJson(
    await api.send('GET', `/reports/${runId}`),
    ReportSchema,
    `GET /reports/${runId}`,
    inputs.location.baseUrl,
  );
  io.out(renderTerminalSummary(report, { color: inputs.color }));
  const html = status.reportFiles?.find((f) => f.name === 'report.html');
  const files = status.reportFiles ?? [];
  io.out(
    html === undefined
      ? `report ${runId}: ${inputs.location.baseUrl}/reports/${runId} (its files are not in the report bucket ${Math.round(reportFilesWaitMs / 1_000)} s after the run finished: finalize could not seal or write them; the stored report above is complete)`
      : `report ${runId}: ${html.url}\n  (link valid until ${html.urlExpiresAt}; files: ${files.map((f) => `s3://${f.bucket}/${f.key}`).join(', ')})`,
  );
  const publication = status.publication;
  if (publication !== undefined && (!publication.sealed || !publication.filesWritten)) {
    io.error(
      `report ${runId} is stored but ${publication.sealed ? 'its files are not in the report bucket' : 'not sealed, and its files are not in the report bucket'}: ${publication.reason ?? 'no reason recorded'}`,
    );
    return 2;
  }
  if (report.run.status === 'incomplete') {
    io.error(
      `run incomplete: ${report.run.incompleteReason ?? 'no reason recorded'}; the results obtained are in report ${runId}`,
    );
    return 2;
  }
  const bad =
    inputs.failOn === 'nonconform'
      ? ['nonconform']
      : inputs.failOn === 'partially-conform'
        ? ['nonconform', 'partially-conform']
        : [];
  return bad.includes(report.overall.verdict) ? 3 : 0;
}

/** A progress line, printed only when it says something new. */
function reportProgress(io: CliIo, line: string, last: string): string {
  if (line !== last) io.progress(line);
  return line;
}

const isApiError = (json: unknown): json is { error: string } =>
  typeof (json as { error?: unknown } | undefined)?.error === 'string';

/**
 * An answer of the API as the schema says, or one line: refused by IAM (403: API Gateway's
 * `message`), refused by the handler (4xx: its `error`), failed (5xx), or not the chaineval API at
 * all (anything else, e.g. an HTML page or another service's JSON).
 */
function expectJson<S extends z.ZodType>(
  answer: ApiAnswer,
  schema: S,
  what: string,
  baseUrl: string,
): z.output<S> {
  const json = answer.json as { message?: unknown; Message?: unknown; error?: unknown } | undefined;
  const gatewayMessage =
    typeof json?.message === 'string'
      ? json.message
      : typeof json?.Message === 'string'
        ? json.Message
        : undefined;
  if (answer.status === 403 || answer.status === 401) {
    throw new ConfigError(
      `the API refused ${what} (${answer.status}: ${(gatewayMessage ?? 'forbidden').slice(0, 200)}); sign with AWS credentials of a principal holding the stack's ${what.startsWith('POST') ? 'StarterPolicyArn' : 'ReaderPolicyArn or StarterPolicyArn'}`,
    );
  }
  if (answer.status >= 400 && answer.status < 500 && typeof json?.error === 'string') {
    throw new ConfigError(`the API refused ${what}: ${json.error.slice(0, 300)}`);
  }
  if (answer.status >= 500) {
    throw new RemoteApiUnavailableError(
      `the API failed answering ${what} (${answer.status}); try again later`,
    );
  }
  const parsed = answer.status >= 200 && answer.status < 300 ? schema.safeParse(answer.json) : undefined;
  if (!parsed?.success) {
    throw new ConfigError(
      `${baseUrl} is not a chaineval API: ${what} answered ${answer.status} with ${answer.json === undefined ? 'a body that is not JSON' : 'JSON of another shape'}; pass the ApiUrl output of the Chaineval stack as --remote`,
    );
  }
  return parsed.data;
}

interface RemoteInputs {
  readonly location: ReturnType<typeof parseApiUrl>;
  readonly key: string;
  readonly body: StartEvaluationBody;
  readonly pollIntervalS: number;
  readonly maxDurationS: number;
  readonly failOn: 'nonconform' | 'partially-conform' | undefined;
  readonly color: boolean;
}

function positiveNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new ConfigError(`${flag} must be a positive number (got "${value.slice(0, 40)}")`);
  }
  return n;
}

/** Flags and files, each refused with one line before any request; the body checked with the API's schema. */
async function validateInputs(argv: readonly string[], io: CliIo): Promise<RemoteInputs | 'help'> {
  const { values, positionals } = parseFlags('evaluate', argv, {
    remote: { type: 'string' },
    target: { type: 'string', multiple: true },
    'key-secret-id': { type: 'string' },
    'idempotency-key': { type: 'string' },
    profile: { type: 'string' },
    'crypto-suite': { type: 'string' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    shards: { type: 'string' },
    param: { type: 'string', multiple: true },
    params: { type: 'string' },
    evidence: { type: 'string' },
    skip: { type: 'string' },
    region: { type: 'string' },
    'poll-interval': { type: 'string' },
    'max-duration': { type: 'string' },
    'fail-on': { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(localOnlyFlags.map((f) => [f, { type: 'string' as const, multiple: true }])),
  });
  if (values.help) return 'help';
  if (positionals.length > 0) {
    throw new ConfigError(`evaluate takes no positional arguments (got "${positionals[0]?.slice(0, 80)}")`);
  }
  const given = values as Record<string, unknown>;
  const local = localOnlyFlags.find((f) => given[f] !== undefined);
  if (local !== undefined) {
    throw new ConfigError(
      local === 'private-key-file'
        ? '--private-key-file is for local runs: a --remote run reads the funded key from Secrets Manager; pass --key-secret-id <name>'
        : `--${local} is for local runs; a --remote run stores, seals and publishes its report in the cloud`,
    );
  }
  const location = parseApiUrl(values.remote ?? '', values.region);
  const targets = values.target ?? [];
  if (targets.length !== 1) {
    throw new ConfigError(
      targets.length === 0
        ? '--remote needs --target <url>: the endpoint the cloud run evaluates'
        : '--remote evaluates one --target; give it once',
    );
  }
  if (values['key-secret-id'] === undefined) {
    throw new ConfigError(
      '--remote needs --key-secret-id <name>: the Secrets Manager secret holding the funded key of --target (docs/deploy.md)',
    );
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'nonconform' && failOn !== 'partially-conform') {
    throw new ConfigError(`--fail-on must be "nonconform" or "partially-conform" (got "${failOn}")`);
  }
  const key = values['idempotency-key'] ?? `chaineval-${randomUUID()}`;
  const keyCheck = IdempotencyKeySchema.safeParse(key);
  if (!keyCheck.success) {
    throw new ConfigError(`--idempotency-key: ${keyCheck.error.issues[0]?.message ?? 'invalid'}`);
  }

  // The profile is known here as it is to the API; its parameters are judged by the API's planRun
  // (the cloud's limits), which answers a bad one with its one line.
  findProfile(registry, values.profile ?? 'jrt-0193-2020');
  const parameters = parseParamFlags(values.param ?? []);
  if (values.params !== undefined) {
    for (const [name, value] of Object.entries(
      await readStructuredFile(values.params, '--params', ParamsFileSchema),
    )) {
      if (Object.hasOwn(parameters, name)) {
        throw new ConfigError(`parameter ${name} is set both in --params and by --param; give it once`);
      }
      parameters[name] = value;
    }
  }
  for (const [flag, name] of [
    ['rate', 'loadRateTps'],
    ['duration', 'loadDurationS'],
  ] as const) {
    if (values[flag] === undefined) continue;
    if (Object.hasOwn(parameters, name)) {
      throw new ConfigError(`--${flag} and --param ${name} set the same parameter; give only one`);
    }
    parameters[name] = positiveNumber(values[flag], `--${flag}`, 0);
  }
  const skip = (values.skip ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const cryptoSuite = values['crypto-suite'];
  if (cryptoSuite !== undefined && !CryptoSuiteSchema.safeParse(cryptoSuite).success) {
    throw new ConfigError(
      `--crypto-suite must be one of ${CryptoSuiteSchema.options.join(', ')} (got "${cryptoSuite}")`,
    );
  }
  for (const step of skip) {
    if (!SkippableKindSchema.safeParse(step).success) {
      throw new ConfigError(`--skip accepts ${SkippableKindSchema.options.join(', ')} (got "${step}")`);
    }
  }
  const parsed = StartEvaluationBodySchema.safeParse({
    profile: values.profile ?? 'jrt-0193-2020',
    targetUrl: targets[0],
    keySecretId: values['key-secret-id'],
    parameters,
    skip,
    loadShards: values.shards === undefined ? 1 : Number(values.shards),
    attestations:
      values.evidence === undefined
        ? []
        : (await readStructuredFile(values.evidence, '--evidence', EvidenceFileSchema)).attestations,
    ...(cryptoSuite === undefined ? {} : { cryptoSuite }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = { targetUrl: '--target', keySecretId: '--key-secret-id', loadShards: '--shards' }[
      String(issue?.path[0])
    ];
    throw new ConfigError(
      `${flag ?? `invalid evaluation request: ${issue?.path.join('.')}`}: ${issue?.message}`,
    );
  }
  return {
    location,
    key,
    body: parsed.data,
    pollIntervalS: positiveNumber(values['poll-interval'], '--poll-interval', 5),
    maxDurationS: positiveNumber(values['max-duration'], '--max-duration', 7_200),
    failOn,
    color: io.color && !values['no-color'],
  };
}
