import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/** One exchange with an endpoint, as sent and as answered (both cut to a bound). */
export const RpcExchangeSchema = z.object({
  /** The endpoint as it may be shown (credentials removed). */
  endpoint: z.string(),
  /** The request body as sent. */
  request: z.string(),
  /** HTTP status; 0 when no answer came (the error is in `response`). */
  status: z.number().int(),
  response: z.string(),
  /** Cut to the bound: the original lengths. */
  requestBytes: z.number().int().nonnegative(),
  responseBytes: z.number().int().nonnegative(),
});
export type RpcExchange = z.infer<typeof RpcExchangeSchema>;

/**
 * How to reproduce a check by hand (issue 7 item 11): the exact requests it sent, in order, with what
 * came back. The first and last exchanges are kept; the middle of a long check is counted, not kept.
 */
export const RpcTranscriptSchema = z.object({
  exchanges: z.array(RpcExchangeSchema),
  /** Exchanges left out between the first and the last ones kept. */
  omitted: z.number().int().nonnegative(),
});
export type RpcTranscript = z.infer<typeof RpcTranscriptSchema>;

/** Bounds: a report of ~60 checks stays well under a megabyte. */
export const transcriptLimits = { head: 12, tail: 4, requestChars: 600, responseChars: 400 } as const;

interface Recorder {
  readonly head: RpcExchange[];
  tail: RpcExchange[];
  omitted: number;
}

const recording = new AsyncLocalStorage<Recorder>();

const cut = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;

/**
 * Called by a transport for every exchange: records it in the transcript of the check running in
 * this async context, if any (checks of concurrent steps each get their own).
 */
export function noteRpcExchange(endpoint: string, request: string, status: number, response: string): void {
  const recorder = recording.getStore();
  if (recorder === undefined) return;
  const exchange: RpcExchange = {
    endpoint,
    request: cut(request, transcriptLimits.requestChars),
    status,
    response: cut(response, transcriptLimits.responseChars),
    requestBytes: Buffer.byteLength(request),
    responseBytes: Buffer.byteLength(response),
  };
  if (recorder.head.length < transcriptLimits.head) {
    recorder.head.push(exchange);
    return;
  }
  recorder.tail.push(exchange);
  if (recorder.tail.length > transcriptLimits.tail) {
    recorder.tail = recorder.tail.slice(1);
    recorder.omitted += 1;
  }
}

export interface RpcTranscriptRecorder {
  /** Runs `fn`, recording every exchange its transports make (also when it throws or is left behind). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** The transcript so far. */
  read(): RpcTranscript;
}

/** A recorder for one check's exchanges. */
export function createRpcTranscript(): RpcTranscriptRecorder {
  const recorder: Recorder = { head: [], tail: [], omitted: 0 };
  return {
    run: (fn) => recording.run(recorder, fn),
    read: () => ({ exchanges: [...recorder.head, ...recorder.tail], omitted: recorder.omitted }),
  };
}
