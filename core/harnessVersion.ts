/** The harness version recorded in every report; keep in step with package.json (a unit test checks). */
export const harnessVersion = '0.4.0';
