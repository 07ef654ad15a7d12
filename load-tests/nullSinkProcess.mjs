// Body of the null sink's child process (startNullSink.ts): a JSON-RPC endpoint on 127.0.0.1 that
// acknowledges eth_sendRawTransaction at once with keccak256 of the raw bytes (no validation, no
// state) and answers the few reads the generator makes before its clock starts. Plain JavaScript
// so it starts without tsx, and HTTP/1.1 parsed by hand on node:net: node:http costs several times
// more per request, and the sink must outrun the generator it measures. It serves only chaineval's
// own transport (Content-Length bodies, one request at a time per kept-alive connection).
import { createServer } from 'node:net';
import { keccak256 } from 'viem';

const chainId = '0x7a69';
const block = {
  number: '0x0',
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'00'.repeat(32)}`,
  timestamp: '0x0',
  transactionsRoot: `0x${'56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'}`,
  transactions: [],
  baseFeePerGas: '0x3b9aca00',
};
const results = {
  eth_chainId: chainId,
  net_version: '31337',
  web3_clientVersion: 'chaineval-null-sink/1',
  eth_blockNumber: '0x0',
  eth_gasPrice: '0x3b9aca00',
  eth_maxPriorityFeePerGas: '0x3b9aca00',
  eth_getTransactionCount: '0x0',
  eth_getBalance: '0xffffffffffffffffffffffff',
  eth_getBlockByNumber: block,
};
const maxRequestBytes = 1 << 20;

/** The JSON-RPC answer to one request body (a single call: the generator sends no batches). */
function answer(body) {
  let request;
  try {
    request = JSON.parse(body);
  } catch {
    return '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}';
  }
  const id = JSON.stringify(request?.id ?? null);
  if (request?.method === 'eth_sendRawTransaction') {
    const raw = request.params?.[0];
    if (typeof raw === 'string' && /^0x[0-9a-fA-F]*$/.test(raw) && raw.length % 2 === 0)
      return `{"jsonrpc":"2.0","id":${id},"result":"${keccak256(raw)}"}`;
    return `{"jsonrpc":"2.0","id":${id},"error":{"code":-32602,"message":"raw transaction must be 0x-prefixed hex"}}`;
  }
  if (Object.hasOwn(results, request?.method))
    return `{"jsonrpc":"2.0","id":${id},"result":${JSON.stringify(results[request.method])}}`;
  return `{"jsonrpc":"2.0","id":${id},"error":{"code":-32601,"message":"the null sink does not serve ${String(request?.method).slice(0, 40)}"}}`;
}

function respond(socket, status, body) {
  socket.write(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\n\r\n${body}`,
  );
}

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk) => {
    pending += chunk;
    for (;;) {
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd < 0) break;
      const head = pending.slice(0, headEnd).toLowerCase();
      const match = /\r\ncontent-length:\s*(\d+)/.exec(head);
      if (!match) {
        respond(socket, '411 Length Required', '{"error":"content-length required"}');
        socket.end();
        pending = '';
        return;
      }
      const length = Number(match[1]);
      if (length > maxRequestBytes) {
        respond(socket, '413 Content Too Large', '{"error":"request too large"}');
        socket.end();
        pending = '';
        return;
      }
      const bodyStart = headEnd + 4;
      if (pending.length < bodyStart + length) break;
      const body = pending.slice(bodyStart, bodyStart + length);
      pending = pending.slice(bodyStart + length);
      respond(socket, '200 OK', answer(body));
    }
    if (pending.length > maxRequestBytes + 8_192) socket.destroy();
  });
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
// The parent owns this process: when it goes (or says stop), so does the sink.
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m === 'stop') process.exit(0);
  // The sink's own CPU time, so a report can say what share of the cores the sink took.
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system });
  }
});
