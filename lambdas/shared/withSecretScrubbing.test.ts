import { describe, expect, it } from 'vitest';
import { TargetError } from '#core/errors/TargetError.ts';
import { withSecretScrubbing } from './withSecretScrubbing.ts';

const url = 'https://rpc.example/v3/0123456789abcdefTOKEN?apikey=q-secret-1';

describe('withSecretScrubbing', () => {
  it("masks the URL's tokens in the error it fails with, keeping the error's class and name", async () => {
    const failing = withSecretScrubbing([url], async () => {
      throw new TargetError(`nothing answered at ${url}`, { details: `URL: ${url}`, endpoint: url });
    });
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).name).toBe('TargetError');
    for (const field of ['message', 'stack', 'shortMessage', 'details', 'endpoint'] as const) {
      const text = String((error as TargetError)[field]);
      expect(text, field).not.toContain('0123456789abcdefTOKEN');
      expect(text, field).not.toContain('q-secret-1');
    }
    expect((error as TargetError).shortMessage).toBe(
      'nothing answered at https://rpc.example/v3/***?apikey=***',
    );
  });

  it('returns what the work returns', async () => {
    await expect(withSecretScrubbing([url], async () => 42)).resolves.toBe(42);
  });
});
