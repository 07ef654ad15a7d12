import { z } from 'zod';

/**
 * The fields of an API Gateway REST (proxy integration) event the API handlers read. Header names
 * are lower-cased here: clients send them in any case (RFC 9110 §5.1).
 */
export const ApiEventSchema = z.object({
  httpMethod: z.string(),
  resource: z.string(),
  pathParameters: z.record(z.string(), z.string()).nullish(),
  queryStringParameters: z.record(z.string(), z.string()).nullish(),
  headers: z
    .record(z.string(), z.string())
    .nullish()
    .transform((h) => Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]))),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().optional(),
});
export type ApiEvent = z.output<typeof ApiEventSchema>;
