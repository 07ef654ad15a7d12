import { z } from 'zod';

/** Run ids sort by start time: `YYYYMMDDTHHMMSSZ-<8 hex>`. */
export const RunIdSchema = z
  .string()
  .regex(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/, 'run id must look like 20261124T101500Z-1a2b3c4d');
