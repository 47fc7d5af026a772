import { describeSpan } from '@/lib/anchoring/describe-span';
import { selectorProblems } from '@/lib/anchoring/span-problems';
import type { ClaimInput } from '@/lib/claims/claim-schema';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { notFound, unprocessable } from '../http/errors';
import { layerOf } from '../groups/layer';
import { getThreadOrThrow } from '../threads/find-thread';
import { claimView } from './claim-views';

/**
 * Anchors a claim on a passage of the thread's current revision. The span is checked against the
 * passage text (empty, outside, or `exact` not standing there -> 422); the same span is one claim
 * whoever selects it, so a second request returns the first claim; each layer (public, or a group) has its own.
 */
export async function createClaim(slug: string, user: SessionUser, input: ClaimInput) {
  const groupId = await layerOf(input.group ?? undefined, user);
  const thread = await getThreadOrThrow(slug);
  const passage = await db.passage.findFirst({
    where: { id: input.passageId, revisionId: thread.currentRevisionId },
    select: { id: true, text: true },
  });
  if (!passage) throw notFound(`Passage ${input.passageId} is not in the current text of "${slug}".`);
  // The client's prefix and suffix are checked too, but the stored ones are always recomputed here.
  const [problem] = selectorProblems(passage.text, input);
  if (problem) throw unprocessable(`Selection: ${problem.message}.`, problem.field);
  const selector = describeSpan(passage.text, input.start, input.end);
  const key = { passageId: passage.id, start: selector.start, end: selector.end, groupId };
  const existing = await db.claim.findFirst({ where: key, select: { id: true } });
  let id = existing?.id;
  if (!id) {
    try {
      id = (
        await db.claim.create({
          data: { ...key, ...selector, threadId: thread.id, createdById: user.id },
          select: { id: true },
        })
      ).id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      id = (await db.claim.findFirstOrThrow({ where: key, select: { id: true } })).id;
    }
  }
  const claim = await claimView(id);
  if (!claim) throw notFound(`Claim ${id} disappeared.`);
  return { claim, created: !existing };
}
