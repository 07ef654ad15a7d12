/**
 * garbage-responses: what a misconfigured gateway or captive portal sends — HTTP 200 with a page that is
 * not JSON. An adapter must report the endpoint as unusable with a clear message (NotAChainEndpointError),
 * never crash on JSON.parse or treat it as a verdict.
 */
export const garbageResponse = {
  status: 200,
  contentType: 'text/html; charset=utf-8',
  body: '<html><head><title>Welcome</title></head><body>chaineval fault-proxy: garbage-responses — this is not JSON-RPC</body></html>\n',
} as const;
