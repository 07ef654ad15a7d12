import type { Modal } from '#core/profile/ClauseSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import type { ClauseVerdict } from '#core/scoring/scoreRun.ts';

export interface RenderSarifOptions {
  /**
   * The helpUri of a clause's rule. SARIF wants an absolute URI; chaineval has no published page per
   * clause, so the default is a stable URN naming profile, version and clause. A deployment that
   * publishes clause pages passes its own.
   */
  readonly clauseHelpUri?: (profileId: string, profileVersion: string, clauseId: string) => string;
}

/** SARIF level from the clause's modal verb: 应 shall → error, 宜 should → warning, 可 may → note. */
const levelOfModal: Record<Modal, 'error' | 'warning' | 'note'> = { 应: 'error', 宜: 'warning', 可: 'note' };
const modalRank: Record<Modal, number> = { 应: 0, 宜: 1, 可: 2 };

const defaultHelpUri = (profileId: string, version: string, clauseId: string) =>
  `urn:chaineval:profile:${encodeURIComponent(profileId)}:${encodeURIComponent(version)}:clause:${encodeURIComponent(clauseId)}`;

/**
 * The report as a SARIF 2.1.0 log (OASIS), for code-scanning views: every clause of the profile is a
 * rule (bilingual title, source clause, helpUri, level from its modal verb), and every failing check
 * is one result under the strictest clause it evidences (the others listed in its properties). The
 * location is logical (profile / clause / check): a chain has no source lines. Passing, skipped and
 * inconclusive checks are not results; the run's verdict and score are in the run's properties.
 */
export function renderSarif(report: Report, options: RenderSarifOptions = {}): string {
  const helpUri = options.clauseHelpUri ?? defaultHelpUri;
  const clauses = new Map(report.clauses.map((c, i) => [c.clauseId, { clause: c, index: i }]));
  const rules = report.clauses.map((c) =>
    ruleOf(c, helpUri(report.profile.id, report.profile.version, c.clauseId)),
  );
  const results = [];
  for (const check of report.checks) {
    const result = report.results.find((r) => r.checkId === check.id);
    if (result?.status !== 'fail') continue;
    const mapped = check.clauseIds
      .map((id) => clauses.get(id))
      .filter((c) => c !== undefined)
      .sort((a, b) => modalRank[a.clause.modal] - modalRank[b.clause.modal] || a.index - b.index);
    const rule = mapped[0];
    if (!rule) continue;
    results.push({
      ruleId: rule.clause.clauseId,
      ruleIndex: rule.index,
      level: levelOfModal[rule.clause.modal],
      kind: 'fail',
      message: { text: `${check.catalogueId} ${check.id}: ${result.summary}` },
      locations: [
        {
          logicalLocations: [
            {
              name: check.id,
              fullyQualifiedName: `${report.profile.id}/${rule.clause.clauseId}/${check.id}`,
              kind: 'check',
            },
          ],
        },
      ],
      partialFingerprints: { 'chaineval/check': `${report.profile.id}/${check.id}` },
      properties: {
        checkId: check.id,
        catalogueId: check.catalogueId,
        clauseIds: check.clauseIds,
        title: check.title,
        failsWhen: check.failsWhen,
        ...(result.expected === undefined ? {} : { expected: result.expected }),
        ...(result.actual === undefined ? {} : { actual: result.actual }),
        ...(result.property ? { replay: { seed: result.property.seed, path: result.property.path } } : {}),
      },
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'chaineval',
            version: report.harness.version,
            semanticVersion: report.harness.version,
            rules,
          },
        },
        automationDetails: { id: `${report.profile.id}/${report.reportId}` },
        invocations: [
          {
            executionSuccessful: report.run.status === 'complete',
            startTimeUtc: report.run.startedAt,
            endTimeUtc: report.run.finishedAt,
            ...(report.run.incompleteReason
              ? {
                  toolExecutionNotifications: [
                    { message: { text: report.run.incompleteReason }, level: 'warning' },
                  ],
                }
              : {}),
          },
        ],
        results,
        properties: {
          reportId: report.reportId,
          profile: { id: report.profile.id, version: report.profile.version, digest: report.profile.digest },
          target: report.target,
          verdict: report.overall.verdict,
          reasons: report.overall.reasons,
          score: report.score.value,
          coverage: report.score.coverage,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleOf(clause: ClauseVerdict, helpUri: string) {
  const level = levelOfModal[clause.modal];
  return {
    id: clause.clauseId,
    name: clause.title.en,
    shortDescription: { text: `${clause.title.en} (${clause.title.zh})` },
    fullDescription: { text: `${clause.source} ${clause.modal}: ${clause.title.zh} — ${clause.title.en}` },
    helpUri,
    help: {
      text: `${clause.source}. Checks: ${clause.checkIds.join(', ') || 'none (evidence or not evaluated)'}.`,
    },
    defaultConfiguration: { level },
    properties: {
      modal: clause.modal,
      area: clause.area,
      source: clause.source,
      verdict: clause.verdict,
      tags: [clause.area],
    },
  };
}
