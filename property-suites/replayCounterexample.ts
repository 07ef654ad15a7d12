import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { CheckContext } from '#core/checks/defineCheck.ts';
import type { PropertyRun } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RpcFuzzContext } from './fuzzing/rpcFuzzParameters.ts';
import { runRpcFuzzProperty } from './fuzzing/runRpcFuzzProperty.ts';
import { modelSuites } from './modelSuites.ts';
import type { ModelPropertyContext } from './shared/modelParameters.ts';
import { runModelProperty } from './shared/runModelProperty.ts';
import { runTransferModelProperty, type TransferModelContext } from './transfers/runTransferModelProperty.ts';

/**
 * Runs a recorded counterexample of property check `checkId` again: the suites of issue 8 rerun the
 * recorded command sequence itself, command by command; PROP-01 walks fast-check's recorded seed,
 * path and replayPath. `ctx` is the check's context (its own funded step account) on the target to
 * replay against, which may be another chain than the one the report was made on.
 */
export async function replayCounterexample(
  // biome-ignore lint/suspicious/noExplicitAny: the check's context, built by checkContextOf for `checkId`.
  ctx: CheckContext<any, any>,
  checkId: string,
  recorded: PropertyRun,
): Promise<CheckOutcome> {
  if (checkId === 'property-transfer-model') {
    if (recorded.path === undefined) throw noCounterexample(checkId);
    return runTransferModelProperty(ctx as TransferModelContext, {
      replay: {
        seed: recorded.seed,
        path: recorded.path,
        ...(recorded.replayPath === undefined ? {} : { replayPath: recorded.replayPath }),
      },
    });
  }
  if (checkId === 'property-rpc-robustness') {
    // PROP-07 records the shrunk body itself (RawBody), sent again as it is.
    const bodies = (recorded.commands ?? [])
      .filter((c) => c.name === 'RawBody')
      .map((c) => String(c.args[0]));
    if (bodies.length === 0) throw noCounterexample(checkId);
    return runRpcFuzzProperty(ctx as RpcFuzzContext, { replay: { bodies, seed: recorded.seed } });
  }
  const suite = modelSuites.find((s) => s.checkId === checkId);
  if (suite === undefined) {
    throw new ConfigError(
      `check "${checkId}" is not a model-based property suite; replay one of property-transfer-model, property-rpc-robustness, ${modelSuites.map((s) => s.checkId).join(', ')}`,
    );
  }
  if (recorded.commands === undefined || recorded.commands.length === 0) throw noCounterexample(checkId);
  return runModelProperty(ctx as ModelPropertyContext, suite, {
    replay: { commands: recorded.commands, seed: recorded.seed },
  });
}

function noCounterexample(checkId: string): ConfigError {
  return new ConfigError(
    `the result of "${checkId}" records no counterexample to replay (only a failed property has one)`,
  );
}
