import { transferLoadScenario } from '#load/transferLoadScenario.ts';
import { propertyChecks } from '#property/propertyChecks.ts';
import { conformanceChecks } from '../conformanceChecks.ts';
import { buildJrt0193Profile } from './buildJrt0193Profile.ts';

/** The `jrt-0193-2020` profile with every check chaineval runs against it. */
export const jrt0193Profile = buildJrt0193Profile([
  ...conformanceChecks,
  ...propertyChecks,
  ...transferLoadScenario.checks,
]);
