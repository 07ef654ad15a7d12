import type { CheckMeta } from '#core/checks/CheckDefinition.ts';
import { type Profile, ProfileSchema } from '#core/profile/ProfileSchema.ts';
import { jrt0193Clauses } from './jrt0193Clauses.ts';

/** Profile version: bump with a CHANGELOG note when clauses, checks or the rubric change meaning. */
export const jrt0193ProfileVersion = '0.1.0';

/**
 * Assembles the profile from its clauses and the metadata of every check that evidences them, and
 * validates it (unique check ids, every clause reference resolves).
 */
export function buildJrt0193Profile(checks: readonly CheckMeta[]): Profile {
  return ProfileSchema.parse({
    id: 'jrt-0193-2020',
    version: jrt0193ProfileVersion,
    title: {
      zh: '区块链技术金融应用 评估规则（JR/T 0193-2020，安全部分依 JR/T 0184-2020）',
      en: 'Financial application of blockchain technology — evaluation rules (JR/T 0193-2020; security per JR/T 0184-2020)',
    },
    basis:
      'Modelled on the JR/T 0193-2020 structure with JR/T 0184-2020 requirements; not an official conformity assessment.',
    clauses: jrt0193Clauses,
    // Metadata only: the profile is data, the probes stay with their suites.
    checks: checks.map(({ id, catalogueId, kind, title, clauseIds, requires, description, failsWhen }) => ({
      id,
      catalogueId,
      kind,
      title,
      clauseIds: [...clauseIds],
      requires: [...requires],
      description,
      failsWhen,
    })),
    // 应 mandatory weighs three times 可 optional; scores are comparable only within one profile version.
    rubric: { modalWeights: { 应: 3, 宜: 2, 可: 1 } },
  });
}
