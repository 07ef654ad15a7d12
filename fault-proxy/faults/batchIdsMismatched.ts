import type { FaultContext, JsonRpcReply } from '../defineFault.ts';

/**
 * batch-ids-mismatched: each answer of a batch carries the id of the next one (the last the first's),
 * as a gateway does that reassembles batch answers by position after reordering them. Every answer
 * is there, each id once, but paired with another request's content (caught by API-04).
 */
export function rotateBatchIds(answers: readonly unknown[]): unknown[] {
  const objects = answers.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
  if (objects.length < 2 || objects.length !== answers.length) return [...answers];
  return objects.map((answer, index) => ({
    ...answer,
    id: objects[(index + 1) % objects.length]?.id ?? null,
  }));
}

/** The proxy hook: batches go to the chain verbatim and come back with rotated ids; nothing else is touched. */
export async function batchIdsMismatched(
  body: Buffer | undefined,
  { upstream }: FaultContext,
): Promise<JsonRpcReply | undefined> {
  if (body === undefined || !body.toString('utf8', 0, 64).trimStart().startsWith('[')) return undefined;
  const reply = await upstream.forward(body);
  let answers: unknown;
  try {
    answers = JSON.parse(reply.text);
  } catch {
    return { status: reply.status, body: reply.text };
  }
  if (!Array.isArray(answers)) return { status: reply.status, body: reply.text };
  return { status: reply.status, body: JSON.stringify(rotateBatchIds(answers)) };
}
