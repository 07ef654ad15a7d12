/**
 * The exception a line of Java output reports, shortened for a one-line message, or undefined when
 * the line names none. Only package-qualified class names count (`java.io.IOException: …`,
 * `com.almworks.sqlite4java.SQLiteException: …`), so prose such as "WARNING: Error" and stack frames
 * (`at com.x.Y.run(Y.java:1)`) do not. SQLite's code prefix (`[26]`) and the SQL statement it quotes
 * are dropped when the message ends in SQLite's own bracketed reason:
 *
 *   `com.almworks.sqlite4java.SQLiteException: [26] DB[1] prepare() SELECT …; [file is encrypted or is not a database]`
 *   → `SQLiteException: file is encrypted or is not a database`
 */
export function summarizeJavaException(line: string): string | undefined {
  const match = /(?:^|[\s:"])(?:[a-z_$][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error))(?::\s*(.*))?$/.exec(
    line.trim(),
  );
  if (!match) return undefined;
  const [, className, rawMessage = ''] = match;
  const reason = /\[([^\]]+)\]$/.exec(rawMessage)?.[1] ?? rawMessage.replace(/^\[-?\d+\]\s*/, '');
  const message = reason.trim().slice(0, 200);
  return message === '' ? className : `${className}: ${message}`;
}
