import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

it('writes one JSON object per line with the service, appended keys and extra fields, until reset', () => {
  const lines: string[] = [];
  const logger = createLogger('chaineval', (line) => lines.push(line));
  logger.appendKeys({ runId: 'r1' });
  logger.info('started', { shardIndex: 2 });
  logger.resetKeys();
  logger.error('failed');
  const [first, second] = lines.map((l) => JSON.parse(l));
  expect(first).toMatchObject({
    level: 'INFO',
    service: 'chaineval',
    message: 'started',
    runId: 'r1',
    shardIndex: 2,
  });
  expect(second).toMatchObject({ level: 'ERROR', message: 'failed' });
  expect(second).not.toHaveProperty('runId');
});
