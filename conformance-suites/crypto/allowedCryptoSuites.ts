import { z } from 'zod';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** CR-01: suites the deployment accepts; JR/T 0184-2020 8.1 names the SM series (国密). */
export const allowedCryptoSuites = defineParameter({
  name: 'allowedCryptoSuites',
  schema: z.array(CryptoSuiteSchema).min(1),
  description: `Crypto suites the deployment accepts, a JSON list of ${CryptoSuiteSchema.options.join(', ')}. A suite outside the profile's requirement waives the clause.`,
});
