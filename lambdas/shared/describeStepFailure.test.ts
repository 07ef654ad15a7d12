import { describe, expect, it } from 'vitest';
import { describeStepFailure, maxIncompleteReasonLength } from './describeStepFailure.ts';

describe('describeStepFailure', () => {
  it('keeps the first line of a Lambda error message, not the details or the trace', () => {
    const Cause = JSON.stringify({
      errorType: 'TargetLostError',
      errorMessage:
        'target https://rpc.example.com stopped answering during check "tx-raw-replay-rejected"\nVersion: chaineval@0.1.0',
      trace: ['TargetLostError: …', '    at assertTargetAlive (file:///var/task/index.mjs:1:1)'],
    });
    expect(describeStepFailure({ Error: 'TargetLostError', Cause })).toBe(
      'TargetLostError: target https://rpc.example.com stopped answering during check "tx-raw-replay-rejected"',
    );
  });

  it('uses a plain-text cause as it is', () => {
    expect(describeStepFailure({ Error: 'States.Timeout', Cause: 'Task timed out after 900 s' })).toBe(
      'States.Timeout: Task timed out after 900 s',
    );
  });

  it('falls back to the error name without a cause', () => {
    expect(describeStepFailure({ Error: 'States.TaskFailed' })).toBe('States.TaskFailed');
    expect(describeStepFailure({ Error: 'States.TaskFailed', Cause: '' })).toBe('States.TaskFailed');
  });

  it('bounds the reason', () => {
    const reason = describeStepFailure({ Error: 'X', Cause: 'y'.repeat(5_000) });
    expect(reason).toHaveLength(maxIncompleteReasonLength);
    expect(reason.endsWith('…')).toBe(true);
  });
});
