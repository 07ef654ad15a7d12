import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CheckIdSchema } from '#core/checks/CheckMetaSchema.ts';
import { resolveProfile } from '#core/profile/resolveProfile.ts';
import { FaultNameSchema } from '#fault-proxy/faultCatalogue.ts';
import { registry } from './index.ts';

const e2eDir = new URL('../tests/e2e/', import.meta.url);
const e2eSources = readdirSync(e2eDir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, e2eDir), 'utf8') }));

const allChecks = [
  ...registry.checks.map((c) => ({ ...c, requires: c.requires, fixtures: c.fixtures })),
  ...registry.loadScenarios.flatMap((s) =>
    s.checks.map((c) => ({ ...c, kind: 'load' as const, requires: s.requires, fixtures: [] })),
  ),
];

/** What every check must have (DESIGN.md "a check that cannot fail is a defect"; STYLE.md). */
describe('the registry', () => {
  it('holds unique, stable-looking check ids and catalogue ids', () => {
    const ids = allChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of allChecks) {
      expect(CheckIdSchema.safeParse(c.id).success, c.id).toBe(true);
      expect(c.catalogueId, c.id).toMatch(/^[A-Z]+-\d{2}$/);
    }
    const catalogue = allChecks.map((c) => c.catalogueId);
    expect(new Set(catalogue).size).toBe(catalogue.length);
  });

  it.each(allChecks.map((c) => [c.id, c] as const))('%s is described, bilingual and can fail', (_, check) => {
    expect(check.title.zh.length).toBeGreaterThan(0);
    expect(check.title.en.length).toBeGreaterThan(0);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.failsWhen.length).toBeGreaterThan(20);
    expect(check.faults.length, `${check.id} names no fault that must make it fail`).toBeGreaterThan(0);
    for (const fault of check.faults) expect(FaultNameSchema.options, check.id).toContain(fault);
  });

  it.each(registry.checks.map((c) => [c.id, c] as const))(
    '%s requires what its fixtures require and reads what they read',
    (_, check) => {
      for (const fixture of check.fixtures) {
        for (const capability of fixture.requires) expect(check.requires, fixture.id).toContain(capability);
        for (const p of fixture.parameters) expect(check.parameters, fixture.id).toContain(p);
      }
    },
  );

  it.each(allChecks.map((c) => [c.id, c] as const))(
    '%s has its e2e tests: passing on a real chain and failing under each of its faults',
    (_, check) => {
      const mentions = e2eSources.filter((s) => s.text.includes(`'${check.id}'`));
      expect(mentions.length, `no file under tests/e2e runs '${check.id}'`).toBeGreaterThan(0);
      for (const fault of check.faults) {
        expect(
          mentions.some((s) => s.text.includes(`'${fault}'`)),
          `no e2e file runs '${check.id}' under '${fault}'`,
        ).toBe(true);
      }
    },
  );

  it('resolves every profile: checks exist, parameters are supplied, nothing unread is set', () => {
    for (const profile of registry.profiles)
      expect(() => resolveProfile(profile, registry), profile.id).not.toThrow();
  });

  it('maps every registered check in the full jrt-0193-2020 profile', () => {
    const jrt = registry.profiles.find((p) => p.id === 'jrt-0193-2020');
    expect(jrt).toBeDefined();
    expect(Object.keys(jrt?.checks ?? {}).sort()).toEqual(allChecks.map((c) => c.id).sort());
  });

  it('keeps the quick profile a subset of the full one: same clause texts and mapping, no load', () => {
    const [jrt, quick] = ['jrt-0193-2020', 'quick'].map((id) => registry.profiles.find((p) => p.id === id));
    if (!jrt || !quick) throw new Error('both profiles must be registered');
    for (const clause of quick.clauses) expect(jrt.clauses).toContainEqual(clause);
    for (const [checkId, clauses] of Object.entries(quick.checks))
      expect(jrt.checks[checkId]).toEqual(clauses);
    expect(resolveProfile(quick, registry).scenarios).toEqual([]);
  });
});
