import { describe, expect, it } from 'vitest';
import { garbageResponse } from './garbageResponse.ts';

describe('garbageResponse', () => {
  it('is an HTTP 200 body that is not JSON', () => {
    expect(garbageResponse.status).toBe(200);
    expect(() => JSON.parse(garbageResponse.body)).toThrow(SyntaxError);
  });
});
