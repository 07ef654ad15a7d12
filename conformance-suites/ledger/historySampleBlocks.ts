import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-05: how many blocks between genesis and the head are read on every endpoint. */
export const historySampleBlocks = defineParameter({
  name: 'historySampleBlocks',
  schema: z.number().int().min(1).max(1_000),
  description:
    "How many blocks, spread evenly between genesis and the head, LED-05 reads (with each one's parent) on every endpoint besides genesis and the head (1–1000).",
});
