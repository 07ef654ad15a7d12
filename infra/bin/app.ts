import { App, Duration } from 'aws-cdk-lib';
import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { ChainevalStack } from '../lib/ChainevalStack.ts';

/**
 * The CDK app (`npx cdk synth`, cdk.json). Settings come from CDK context (cdk.json or
 * `-c chaineval:loadMaxConcurrency=20`), validated here. The stack is environment-agnostic (no
 * account or region), so synth needs no credentials; `cdk deploy` takes them from the profile.
 */
const ContextSchema = z.object({
  'chaineval:stackName': z.string().min(1).default('Chaineval'),
  'chaineval:targetSecretPrefix': z.string().min(1).optional(),
  /** Comma-separated, or a JSON list in cdk.json. */
  'chaineval:allowedTargetHosts': z
    .union([
      z.array(z.string()),
      z.string().transform((s) =>
        s
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
      ),
    ])
    .default([]),
  'chaineval:loadMaxConcurrency': z.coerce.number().optional(),
  'chaineval:loadShardStartAllowanceS': z.coerce.number().nonnegative().optional(),
});

const app = new App();
const read = (key: string): unknown => app.node.tryGetContext(key);
const parsed = ContextSchema.safeParse(
  Object.fromEntries(Object.keys(ContextSchema.shape).map((key) => [key, read(key)])),
);
if (!parsed.success) {
  throw new ConfigError('invalid chaineval context in cdk.json or -c flags', {
    details: z.prettifyError(parsed.error),
  });
}
const context = parsed.data;

new ChainevalStack(app, context['chaineval:stackName'], {
  description:
    'chaineval: blockchain standards-compliance harness (result table, run-step Lambdas, state machine, HTTP API, report bucket, report signing key)',
  allowedTargetHosts: context['chaineval:allowedTargetHosts'],
  ...(context['chaineval:targetSecretPrefix'] === undefined
    ? {}
    : { targetSecretPrefix: context['chaineval:targetSecretPrefix'] }),
  ...(context['chaineval:loadMaxConcurrency'] === undefined
    ? {}
    : { loadMaxConcurrency: context['chaineval:loadMaxConcurrency'] }),
  ...(context['chaineval:loadShardStartAllowanceS'] === undefined
    ? {}
    : { loadShardStartAllowance: Duration.seconds(context['chaineval:loadShardStartAllowanceS']) }),
});
app.synth();
