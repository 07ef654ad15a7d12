import { describe, expect, it } from 'vitest';
import { FinalizeInputSchema } from './schema.ts';

const finished = { runId: '20261124T101500Z-1a2b3c4d' };

describe('FinalizeInputSchema', () => {
  it('has no incompleteReason on the success path', () => {
    expect(FinalizeInputSchema.parse(finished)).not.toHaveProperty('incompleteReason');
  });

  it('turns the Catch failure into the incompleteReason', () => {
    const input = FinalizeInputSchema.parse({
      ...finished,
      failure: {
        Error: 'TargetLostError',
        Cause: JSON.stringify({ errorMessage: 'target stopped answering\nVersion: x' }),
      },
    });
    expect(input.incompleteReason).toBe('TargetLostError: target stopped answering');
  });

  it('refuses a failure without its error name', () => {
    expect(FinalizeInputSchema.safeParse({ ...finished, failure: { Cause: 'x' } }).success).toBe(false);
  });
});
