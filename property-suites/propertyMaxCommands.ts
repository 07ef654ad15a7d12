import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const propertyMaxCommands = defineParameter({
  name: 'propertyMaxCommands',
  schema: z.number().int().min(1).max(200),
  description: 'The longest random history (commands per run) a property suite generates.',
});
