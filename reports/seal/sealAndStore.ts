import type { Report } from '#core/report/ReportSchema.ts';
import type { SealStore } from '#core/store/SealStore.ts';
import { ChainMovedError } from '../store/SealWriteError.ts';
import type { Signer } from './Signer.ts';
import { type SealedReport, sealReport } from './sealReport.ts';
import { targetFingerprint } from './targetFingerprint.ts';

/** Two runs of one target finishing together is rare; more moves than this is a store fault. */
const maxAttempts = 3;

/**
 * Seals a report on its target's hash chain: reads the chain head, links its digest, signs, and
 * stores the seal with conditional writes. When another seal of the target landed in between, the
 * head has moved and the report is sealed again on the new head (bounded), so the chain never forks.
 */
export async function sealAndStore(
  report: Report,
  signer: Signer,
  seals: SealStore,
  now: () => Date = () => new Date(),
): Promise<SealedReport> {
  const fingerprint = targetFingerprint(report.target);
  for (let attempt = 1; ; attempt++) {
    const head = await seals.latestSeal(fingerprint);
    const previous = head === null ? null : { reportId: head.reportId, digest: { sha256: head.digest } };
    const sealed = await sealReport(report, signer, previous);
    try {
      await seals.putSeal({
        reportId: report.reportId,
        targetFingerprint: fingerprint,
        digest: sealed.digest,
        previous: head === null ? null : { reportId: head.reportId, digest: head.digest },
        sealedAt: now().toISOString(),
        envelope: JSON.stringify(sealed.envelope),
      });
      return sealed;
    } catch (error) {
      if (error instanceof ChainMovedError && attempt < maxAttempts) continue;
      throw error;
    }
  }
}
