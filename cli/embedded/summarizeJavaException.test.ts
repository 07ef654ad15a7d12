import { describe, expect, it } from 'vitest';
import { summarizeJavaException } from './summarizeJavaException.ts';

// Lines DynamoDB Local 3.3.0 printed on corrupt or unusable data folders (measured; see startDynamoLocal.ts).
const cases: [string, string, string | undefined][] = [
  [
    'garbage database file',
    "com.almworks.sqlite4java.SQLiteException: [26] DB[1] prepare() SELECT name FROM sqlite_master WHERE type='table' AND name='cf'; [file is encrypted or is not a database]",
    'SQLiteException: file is encrypted or is not a database',
  ],
  [
    'truncated database file',
    "com.almworks.sqlite4java.SQLiteException: [11] DB[1] prepare() SELECT name FROM sqlite_master WHERE type='table' AND name='cf'; [database disk image is malformed]",
    'SQLiteException: database disk image is malformed',
  ],
  [
    'database file that is a directory',
    'WARNING: [sqlite] cannot open DB[1]: com.almworks.sqlite4java.SQLiteException: [14] unable to open database file',
    'SQLiteException: unable to open database file',
  ],
  [
    'a JVM too old for the jar',
    'Exception in thread "main" java.lang.UnsupportedClassVersionError: DynamoDBLocal has been compiled by a more recent version',
    'UnsupportedClassVersionError: DynamoDBLocal has been compiled by a more recent version',
  ],
  ['an exception without a message', 'Caused by: java.lang.NullPointerException', 'NullPointerException'],
  [
    'a stack frame',
    '\tat com.almworks.sqlite4java.SQLiteConnection.prepare(SQLiteConnection.java:580)',
    undefined,
  ],
  ['a log header', 'WARNING: [sqlite] SQLiteDBAccess$1@4fdfd241: job exception', undefined],
  ['prose naming an error', 'WARNING: Error while reading the banner', undefined],
  ['the start-up banner', 'Initializing DynamoDB Local with the following configuration:', undefined],
];

describe('summarizeJavaException', () => {
  it.each(cases)('%s', (_name, line, expected) => {
    expect(summarizeJavaException(line)).toBe(expected);
  });
});
