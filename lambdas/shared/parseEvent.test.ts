import { expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidEventError } from './InvalidEventError.ts';
import { parseEvent } from './parseEvent.ts';

it('returns the parsed event, or throws InvalidEventError naming the function and its schema file', () => {
  const schema = z.object({ runId: z.string() });
  expect(parseEvent(schema, { runId: 'r' }, 'plan')).toEqual({ runId: 'r' });
  expect(() => parseEvent(schema, { runId: 1 }, 'plan')).toThrow(InvalidEventError);
  expect(() => parseEvent(schema, {}, 'plan')).toThrow(
    /the plan Lambda received an invalid event[\s\S]*runId[\s\S]*lambdas\/plan\/schema\.ts/,
  );
});
