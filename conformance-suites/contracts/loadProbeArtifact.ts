import { EnvironmentError } from '#core/errors/EnvironmentError.ts';
import probeJson from './build/Probe.json' with { type: 'json' };
import { type ProbeArtifact, ProbeArtifactSchema } from './ProbeArtifactSchema.ts';

let cached: ProbeArtifact | undefined;

/**
 * Validates an artifact file's content. Imported as JSON (not read from disk) so bundlers carry it
 * into the Lambda package.
 */
export function parseProbeArtifact(json: unknown): ProbeArtifact {
  const parsed = ProbeArtifactSchema.safeParse(json);
  if (!parsed.success) {
    throw new EnvironmentError(
      'conformance-suites/contracts/build/Probe.json is not a valid probe artifact',
      {
        details: `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}. Rebuild it with "npm run build:contracts".`,
      },
    );
  }
  return parsed.data;
}

/** The committed probe contract build (TX-05, SC-01), validated once. */
export function loadProbeArtifact(): ProbeArtifact {
  cached ??= parseProbeArtifact(probeJson);
  return cached;
}
