import { defineFault } from '../defineFault.ts';
import { errorCodeNonstandard } from '../faults/errorCodeNonstandard.ts';
import { type CrashMemory, malformedRequestCrashes } from '../faults/malformedRequestCrashes.ts';

/** Faults for the RPC robustness fuzzing (PROP-07, issue 8); append new ones at the end, never rename. */
export const fuzzFaults = [
  defineFault({
    name: 'malformed-request-crashes',
    description:
      'a body that is no JSON-RPC request (not JSON, a bare value, an empty batch, no string method) is answered HTTP 500 with an HTML page, and for 3 s afterwards every request waits out the outage and gets an HTML 503',
    answerBody: (body, context) =>
      malformedRequestCrashes(
        body,
        context.memory<CrashMemory>(() => ({ downUntilMs: 0 })),
      ),
  }),
  defineFault({
    name: 'error-code-nonstandard',
    description:
      'JSON-RPC error codes are replaced by HTTP-like ones: -32700 and -32600 become 400, -32601 404, -32602 422, any other 500; the body is forwarded to the chain as received and no other fault sees it',
    async answerBody(body, context) {
      if (body === undefined) return undefined;
      const reply = await context.upstream.forward(body);
      let value: unknown;
      try {
        value = JSON.parse(reply.text);
      } catch {
        return { status: reply.status, body: reply.text };
      }
      const rewritten = errorCodeNonstandard(value);
      return { status: reply.status, body: rewritten === value ? reply.text : JSON.stringify(rewritten) };
    },
  }),
] as const;
