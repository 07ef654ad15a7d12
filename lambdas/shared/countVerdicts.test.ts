import { expect, it } from 'vitest';
import { countVerdicts } from './countVerdicts.ts';

it('counts verdicts by status, zero for statuses not seen', () => {
  expect(
    countVerdicts([{ status: 'pass' }, { status: 'fail' }, { status: 'pass' }, { status: 'skip' }]),
  ).toEqual({
    pass: 2,
    fail: 1,
    error: 0,
    skip: 1,
  });
});
