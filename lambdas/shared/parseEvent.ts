import { z } from 'zod';
import { InvalidEventError } from './InvalidEventError.ts';

/** zod at the edge (STYLE.md "Code" 3): the only way a handler turns its event into typed input. */
export function parseEvent<S extends z.ZodType>(
  schema: S,
  event: unknown,
  functionName: string,
): z.output<S> {
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidEventError(`the ${functionName} Lambda received an invalid event`, {
      details: `${z.prettifyError(parsed.error)}\nSee lambdas/${functionName}/schema.ts for the expected shape.`,
    });
  }
  return parsed.data;
}
