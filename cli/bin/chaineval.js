#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run without a build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start that releases after January 2027 need Node 22. The machines run
// Node 20 with a pinned SDK, so the warning would only bury the CLI's own output; the move to Node 22
// is tracked as a project decision, not left to a runtime warning.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
