/*
 * JSON-RPC method allow-list for nginx njs (0.7.9+, Debian libnginx-mod-http-js), in front of an
 * EVM node. See README.md next to this file.
 *
 * Every request body is parsed here, each JSON-RPC request in it is checked against the JSON-RPC
 * 2.0 specification (https://www.jsonrpc.org/specification) and against the allow-list below, and
 * only a canonical re-serialisation of the allowed requests reaches the node: the node never parses
 * bytes the gateway did not parse itself, so no duplicate-key or encoding trick can smuggle a
 * method past the list. The gateway answers itself, with the request's id:
 *   -32700 Parse error       the body is not JSON
 *   -32600 Invalid Request   not a request object, wrong "jsonrpc", "method", "params" or "id";
 *                            an empty batch or one larger than $jsonrpc_max_batch
 *   -32601 Method not found  a method outside the allow-list (admin_, debug_, personal_, miner_,
 *                            txpool_, dev-chain cheat codes, and the methods that make the node
 *                            sign with keys it holds)
 * Notifications (requests without "id") get no answer, as the specification requires. A POST
 * whose Content-Type is not JSON gets HTTP 415, any other HTTP method 405.
 */

/*
 * What the node may be asked by anyone: the public methods of ethereum/execution-apis (reads,
 * filters, raw-transaction submission, fee and client information) and net_/web3_. Left out on
 * purpose: eth_accounts, eth_sign, eth_signTransaction, eth_signTypedData*, eth_sendTransaction
 * and eth_fillTransaction (the node would use or reveal keys it holds), eth_coinbase, and every
 * client-specific method (anvil_, hardhat_, evm_, debug_, admin_, personal_, miner_, txpool_, and
 * anvil's eth_sendUnsignedTransaction). Add a method here only when the public must call it.
 */
const allowedMethods = [
  'eth_blockNumber',
  'eth_chainId',
  'eth_syncing',
  'eth_protocolVersion',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getBlockReceipts',
  'eth_getUncleCountByBlockHash',
  'eth_getUncleCountByBlockNumber',
  'eth_getUncleByBlockHashAndIndex',
  'eth_getUncleByBlockNumberAndIndex',
  'eth_getTransactionByHash',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionReceipt',
  'eth_getBalance',
  'eth_getStorageAt',
  'eth_getTransactionCount',
  'eth_getCode',
  'eth_getProof',
  'eth_call',
  'eth_estimateGas',
  'eth_createAccessList',
  'eth_simulateV1',
  'eth_gasPrice',
  'eth_blobBaseFee',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_newFilter',
  'eth_newBlockFilter',
  'eth_newPendingTransactionFilter',
  'eth_uninstallFilter',
  'eth_getFilterChanges',
  'eth_getFilterLogs',
  'eth_getLogs',
  'eth_sendRawTransaction',
  'net_version',
  'net_listening',
  'net_peerCount',
  'web3_clientVersion',
  'web3_sha3',
];

/** No prototype, so "constructor" or "__proto__" is never mistaken for an allowed method. */
const allowed = Object.create(null);
allowedMethods.forEach((method) => {
  allowed[method] = true;
});

/*
 * Own members of a parsed request. JSON.parse only creates own properties, and "id" and "params"
 * are not on Object.prototype, so `in` is exact here (njs 0.7 lacks Object.hasOwn).
 */
const has = (object, key) => key in object;

/** Internal location that proxies to the node (nginx.conf: location = /_jsonrpc_node). */
const nodeLocation = '/_jsonrpc_node';

/** Longest list of method names kept for the access log. */
const maxLoggedMethodsChars = 200;

function errorResponse(id, code, message) {
  return { jsonrpc: '2.0', id: id, error: { code: code, message: message } };
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON-RPC 2.0 §4: a String, a Number or null; numbers "SHOULD NOT contain fractional parts". A
 * number beyond 2^53 cannot pass through JSON.parse unchanged, so it is refused rather than
 * forwarded altered (the client could not match the answer to its request).
 */
function isValidId(value) {
  return value === null || typeof value === 'string' || Number.isSafeInteger(value);
}

/**
 * Decides one element of the body: answered here (`answer`), dropped without an answer (`silent`,
 * a refused notification), or forwarded as a canonical request object (`forward`).
 */
function classify(value) {
  if (!isPlainObject(value)) {
    return { kind: 'answer', response: errorResponse(null, -32600, 'Invalid Request: not a request object') };
  }
  const hasId = has(value, 'id');
  if (hasId && !isValidId(value.id)) {
    return {
      kind: 'answer',
      response: errorResponse(
        null,
        -32600,
        'Invalid Request: "id" must be a string, an integer within 2^53 or null',
      ),
    };
  }
  const id = hasId ? value.id : null;
  if (value.jsonrpc !== '2.0') {
    return {
      kind: 'answer',
      response: errorResponse(id, -32600, 'Invalid Request: "jsonrpc" must be "2.0"'),
    };
  }
  if (typeof value.method !== 'string' || value.method.length === 0) {
    return {
      kind: 'answer',
      response: errorResponse(id, -32600, 'Invalid Request: "method" must be a string'),
    };
  }
  const hasParams = has(value, 'params');
  if (hasParams && !(Array.isArray(value.params) || isPlainObject(value.params))) {
    return {
      kind: 'answer',
      response: errorResponse(id, -32600, 'Invalid Request: "params" must be an array or an object'),
    };
  }
  if (allowed[value.method] !== true) {
    return hasId
      ? { kind: 'answer', method: value.method, response: errorResponse(id, -32601, 'Method not found') }
      : { kind: 'silent', method: value.method };
  }
  const request = { jsonrpc: '2.0' };
  if (hasId) request.id = id;
  request.method = value.method;
  if (hasParams) request.params = value.params;
  return { kind: 'forward', method: value.method, request: request, notification: !hasId };
}

/**
 * Media types of the JSON-RPC over HTTP convention. Anything else is refused: a text/plain or
 * form POST is a "simple" cross-origin request a browser sends without a CORS preflight, so a
 * gateway that accepted it would let any web page a user opens call the node.
 */
const jsonMediaTypes = ['application/json', 'application/json-rpc', 'application/jsonrequest'];

function isJsonContentType(header) {
  if (typeof header !== 'string') return false;
  return jsonMediaTypes.indexOf(header.split(';')[0].trim().toLowerCase()) !== -1;
}

function reply(r, status, value) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(status, value === undefined ? '' : JSON.stringify(value));
}

function logMethods(r, decisions) {
  const names = decisions.map((d) => d.method || '-').join(',');
  r.variables.jsonrpc_methods =
    names.length > maxLoggedMethodsChars ? `${names.slice(0, maxLoggedMethodsChars)}...` : names;
}

/** Hands the canonical body to the node; the node's answer streams back unchanged. */
function forwardAll(r, body) {
  r.variables.jsonrpc_forward_body = body;
  r.internalRedirect(nodeLocation);
}

function handle(r) {
  if (r.method !== 'POST') {
    r.headersOut.Allow = 'POST';
    reply(r, 405, errorResponse(null, -32600, 'Invalid Request: JSON-RPC requests are POSTed'));
    return;
  }
  if (!isJsonContentType(r.headersIn['Content-Type'])) {
    reply(r, 415, errorResponse(null, -32600, 'Invalid Request: Content-Type must be application/json'));
    return;
  }
  let body;
  try {
    body = JSON.parse(r.requestText || '');
  } catch (_notJson) {
    r.variables.jsonrpc_methods = '-';
    reply(r, 200, errorResponse(null, -32700, 'Parse error'));
    return;
  }
  if (!Array.isArray(body)) {
    const decision = classify(body);
    logMethods(r, [decision]);
    if (decision.kind === 'forward') forwardAll(r, JSON.stringify(decision.request));
    else if (decision.kind === 'answer') reply(r, 200, decision.response);
    else reply(r, 204);
    return;
  }
  const maxBatch = Number(r.variables.jsonrpc_max_batch);
  if (body.length === 0 || body.length > maxBatch) {
    r.variables.jsonrpc_methods = `batch of ${body.length}`;
    reply(
      r,
      200,
      errorResponse(
        null,
        -32600,
        body.length === 0
          ? 'Invalid Request: empty batch'
          : `Invalid Request: batch of ${body.length} requests, at most ${maxBatch} are accepted`,
      ),
    );
    return;
  }
  const decisions = body.map(classify);
  logMethods(r, decisions);
  const forwards = decisions.filter((d) => d.kind === 'forward');
  if (forwards.length === decisions.length) {
    forwardAll(r, JSON.stringify(forwards.map((d) => d.request)));
    return;
  }
  if (forwards.length === 0) {
    answerBatch(r, decisions, []);
    return;
  }
  // A mixed batch: the allowed part goes to the node, its answers are merged with the gateway's.
  const forwardBody = JSON.stringify(forwards.map((d) => d.request));
  r.variables.jsonrpc_forward_body = forwardBody;
  r.subrequest(nodeLocation, { method: 'POST', body: forwardBody }).then(
    (upstream) => {
      // Notifications only: nodes answer 204 (anvil) or an empty 200.
      const text = upstream.status === 204 ? '' : upstream.responseText || '';
      if (upstream.status !== 200 && upstream.status !== 204) {
        reply(
          r,
          502,
          errorResponse(null, -32603, `Internal error: the node answered HTTP ${upstream.status}`),
        );
        return;
      }
      let answers;
      try {
        answers = text === '' ? [] : JSON.parse(text);
      } catch (_notJson) {
        reply(
          r,
          502,
          errorResponse(null, -32603, 'Internal error: the node answered with a body that is not JSON'),
        );
        return;
      }
      answerBatch(r, decisions, Array.isArray(answers) ? answers : [answers]);
    },
    (e) => reply(r, 502, errorResponse(null, -32603, `Internal error: ${e}`)),
  );
}

/**
 * The batch's answers in request order: the gateway's own where it answered, the node's for the
 * forwarded requests (in the order the node gave them; JSON-RPC clients match answers by id).
 */
function answerBatch(r, decisions, nodeAnswers) {
  const expectedFromNode = decisions.filter((d) => d.kind === 'forward' && !d.notification).length;
  const inOrder = nodeAnswers.length === expectedFromNode;
  const responses = [];
  let next = 0;
  decisions.forEach((d) => {
    if (d.kind === 'answer') responses.push(d.response);
    else if (d.kind === 'forward' && !d.notification && inOrder) responses.push(nodeAnswers[next++]);
  });
  const all = inOrder ? responses : responses.concat(nodeAnswers);
  if (all.length === 0) reply(r, 204);
  else reply(r, 200, all);
}

export default { handle };
