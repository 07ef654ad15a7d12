import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** GOV-05: distinct node implementations the network must run (JR/T 0184-2020 17.3.1.6: at least 3). */
export const minImplementations = defineParameter({
  name: 'minImplementations',
  schema: z.number().int().min(1).max(20),
  description:
    "Fewest distinct node implementations (by web3_clientVersion) the endpoints of the network must run; below the profile's requirement the clause is waived.",
});
