import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks a generated k6 script (JavaScript with JSDoc) against @types/k6, as `tsc --checkJs
 * --strict` would: k6 itself never checks types, so a misspelt option or a wrong argument would
 * only show when someone runs it. No DOM and no Node types: k6's runtime (goja) has neither, so a
 * script reaching for `require`, `process` or `fetch` does not compile here. Returns the
 * diagnostics, formatted one per line; none means the script uses k6's API as k6 declares it.
 */
export function typecheckK6Script(scriptPath: string): string[] {
  const k6Types = dirname(createRequire(import.meta.url).resolve('@types/k6/package.json'));
  const options: ts.CompilerOptions = {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2020.d.ts'],
    types: ['k6'],
    typeRoots: [dirname(k6Types)],
    baseUrl: dirname(scriptPath),
    paths: { k6: [join(k6Types, 'index.d.ts')], 'k6/*': [join(k6Types, '*', 'index.d.ts')] },
  };
  const program = ts.createProgram([scriptPath], options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1} ${text}`;
  });
}
