/** The first problems as one summary line, with how many more the evidence lists. */
export function joinProblems(problems: readonly string[], shown = 3): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
