import type { LoadCheckMeta } from '#core/checks/defineLoadScenario.ts';
import { queryLoadChecks } from '../queryLoadChecks.ts';
import { queryScenarioName } from '../runQueryShard.ts';
import { transferScenarioName } from '../runTransferShard.ts';
import { transferLoadChecks } from '../transferLoadChecks.ts';
import type { K6ExportManifest } from './K6ExportManifestSchema.ts';

/** The chaineval load scenario an export reproduces, and the checks an import of its summary decides. */
export function k6ScenarioOf(manifest: Pick<K6ExportManifest, 'scenario'>): {
  readonly name: string;
  readonly checks: readonly LoadCheckMeta[];
} {
  return manifest.scenario === 'transfer'
    ? { name: transferScenarioName, checks: [transferLoadChecks.throughput, transferLoadChecks.latency] }
    : { name: queryScenarioName, checks: [queryLoadChecks.throughput] };
}
