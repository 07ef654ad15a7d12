import { describe, expect, it } from 'vitest';
import { parseApiUrl } from './parseApiUrl.ts';

describe('parseApiUrl', () => {
  it('takes the region from an execute-api host and drops a trailing slash', () => {
    expect(parseApiUrl('https://abc123.execute-api.eu-west-1.amazonaws.com/v1/', undefined, {})).toEqual({
      baseUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1',
      region: 'eu-west-1',
    });
  });

  it('takes the region from --region, then the environment, for other hosts', () => {
    expect(parseApiUrl('https://api.example.org/v1', 'ap-southeast-2', { AWS_REGION: 'us-east-1' })).toEqual({
      baseUrl: 'https://api.example.org/v1',
      region: 'ap-southeast-2',
    });
    expect(
      parseApiUrl('http://127.0.0.1:4000/v1', undefined, { AWS_DEFAULT_REGION: 'us-east-1' }).region,
    ).toBe('us-east-1');
  });

  it.each([
    ['not a url', undefined, /^--remote must be the API's URL/],
    ['http://api.example.org/v1', 'us-east-1', /^--remote must be an https:\/\/ URL/],
    ['https://user:pw@api.example.org/v1', 'us-east-1', /without user info/],
    [
      'https://api.example.org/v1',
      undefined,
      /cannot tell the AWS region of api\.example\.org; pass --region/,
    ],
    ['https://api.example.org/v1', 'europe', /--region must be an AWS region/],
  ])('refuses %s with one line', (raw, region, message) => {
    expect(() => parseApiUrl(raw, region, {})).toThrow(message);
  });
});
