// One Lambda invocation in this process, as the Lambda Node.js runtime makes it: import the bundle
// (an ES module, like `index.mjs` in the function's zip), call its `handler(event, context)`, and
// report the result, or the error shaped as the runtime reports it ({ errorType, errorMessage,
// trace }). Spawned by invokeLambdaBundle.ts with the function's environment; plain JavaScript, so
// nothing but Node and the bundle runs here.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

process.once('message', async ({ bundlePath, event, deadlineMs }) => {
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
  };
  let reply;
  try {
    const { handler } = await import(pathToFileURL(bundlePath).href);
    reply = { ok: true, payload: await handler(event, context) };
  } catch (error) {
    reply = {
      ok: false,
      error: {
        errorType: error instanceof Error ? error.name : 'Error',
        errorMessage: error instanceof Error ? error.message : String(error),
        trace: error instanceof Error ? String(error.stack ?? '').split('\n') : [],
      },
    };
  }
  process.send(reply, () => process.exit(0));
});
