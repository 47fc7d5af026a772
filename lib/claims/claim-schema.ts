import { z } from 'zod';

/** A span to tag: W3C TextQuote + TextPosition selectors on one passage (offsets in code points). */
export const claimInputSchema = z.object({
  passageId: z.uuid('passageId must be the id of a passage of this thread.'),
  start: z.number().int().min(0, 'start must be 0 or more.'),
  end: z.number().int().min(0, 'end must be 0 or more.'),
  exact: z.string().max(20_000, 'exact is at most 20,000 characters.'),
  prefix: z.string().max(200).default(''),
  suffix: z.string().max(200).default(''),
  /** The layer: a group the caller is in; absent or null is the public layer. */
  group: z.uuid('group must be the id of a group you are in.').nullish(),
});

export type ClaimInput = z.infer<typeof claimInputSchema>;
