import type { JsonRpcId } from '../JsonRpcMessage.ts';

export const hugeResponseBytes = 64 * 1024 * 1024;
const chunkBytes = 64 * 1024;

/**
 * huge-responses: a 64 MiB JSON-RPC response — well-formed, so only a response-size bound protects a
 * client (DESIGN.md "bounded response sizes"). Yields the body in 64 KiB chunks that reuse one buffer,
 * so the proxy never holds more than a chunk: streaming without buffering.
 */
export function* hugeResponse(id: JsonRpcId): Generator<Buffer> {
  const head = Buffer.from(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":"0x`);
  const tail = Buffer.from('"}');
  let fill = hugeResponseBytes - head.length - tail.length;
  // An even number of hex digits keeps the result a valid byte string; JSON whitespace absorbs the rest.
  const padding = fill % 2;
  fill -= padding;
  yield head;
  const chunk = Buffer.alloc(chunkBytes, 'a');
  for (; fill >= chunkBytes; fill -= chunkBytes) yield chunk;
  if (fill > 0) yield chunk.subarray(0, fill);
  yield Buffer.concat([tail, Buffer.alloc(padding, ' ')]);
}
