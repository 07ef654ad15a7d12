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

it('masks the secrets of the scrubber in every later line, until reset', () => {
  const lines: string[] = [];
  const logger = createLogger('chaineval', (line) => lines.push(line));
  logger.scrubWith((text) => text.replaceAll('s3cr3t-token', '***'));
  logger.info('connecting to https://rpc.example/v3/s3cr3t-token', {
    url: 'https://rpc.example/v3/s3cr3t-token',
  });
  logger.resetKeys();
  logger.info('s3cr3t-token');
  expect(lines[0]).not.toContain('s3cr3t-token');
  expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ message: 'connecting to https://rpc.example/v3/***' });
  expect(lines[1]).toContain('s3cr3t-token');
});
