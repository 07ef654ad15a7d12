import { deploymentSuite } from './deployments/deploymentSuite.ts';
import { nonceSuite } from './nonces/nonceSuite.ts';
import { replaySuite } from './replays/replaySuite.ts';
import { revertSuite } from './reverts/revertSuite.ts';
import type { ModelSuite } from './shared/ModelSuite.ts';
import { storageSuite } from './storage/storageSuite.ts';

/** The suites runModelProperty drives, by check id: what `chaineval replay` looks a check up in. */
export const modelSuites: readonly ModelSuite<object>[] = [
  storageSuite,
  deploymentSuite,
  revertSuite,
  nonceSuite,
  replaySuite,
] as unknown as readonly ModelSuite<object>[];
