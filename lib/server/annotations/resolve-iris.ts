import { claimContextUrl, threadUrl, w3cAnnotation, w3cReply, w3cTarget } from '@/lib/export';
import { ANNO_CONTEXT } from '@/lib/export/w3c-vocabulary';
import { claimViews } from '../claims/claim-views';
import { sessionUser } from '../auth/session';
import { db } from '../db/client';
import { isMember } from '../groups/layer';
import type { IriAnswer } from '../http/iri-route';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the asker (by their session cookie) may see a claim on this layer: anyone the public one, members a group's. */
async function maySee(groupId: string | null, headers: Headers): Promise<boolean> {
  if (groupId === null) return true;
  const user = await sessionUser(headers);
  return user !== null && (await isMember(groupId, user.id));
}

/** An annotation's IRI (a live tag): the claim in the reader, or the annotation as JSON-LD. */
export async function resolveAnnotation(id: string, origin: string, headers: Headers): Promise<IriAnswer | null> {
  if (!UUID.test(id)) return null;
  const found = await db.tag.findFirst({
    where: { id, deletedAt: null },
    select: { claimId: true, claim: { select: { groupId: true } } },
  });
  if (found && !(await maySee(found.claim.groupId, headers))) return null;
  const [claim] = found ? await claimViews({ claimId: found.claimId }, { provenance: true }) : [];
  const tag = claim?.tags.find((t) => t.id === id);
  if (!claim || !tag) return null;
  return {
    page: claimContextUrl(origin, claim),
    document: { '@context': ANNO_CONTEXT, ...w3cAnnotation(claim, tag, origin) },
  };
}

/** A claim's IRI (an annotation's target): the claim in the reader, or the target as JSON-LD. */
export async function resolveClaim(id: string, origin: string, headers: Headers): Promise<IriAnswer | null> {
  if (!UUID.test(id)) return null;
  const layer = await db.claim.findUnique({ where: { id }, select: { groupId: true } });
  if (!layer || !(await maySee(layer.groupId, headers))) return null;
  const [claim] = await claimViews({ claimId: id });
  if (!claim) return null;
  return { page: claimContextUrl(origin, claim), document: { '@context': ANNO_CONTEXT, ...w3cTarget(claim, origin) } };
}

/** A reply's IRI: the claim in the reader, or the reply as a W3C Annotation (motivation `replying`). */
export async function resolveReply(id: string, origin: string, headers: Headers): Promise<IriAnswer | null> {
  if (!UUID.test(id)) return null;
  const found = await db.reply.findFirst({
    where: { id, deletedAt: null },
    select: { claimId: true, claim: { select: { groupId: true } } },
  });
  if (!found || !(await maySee(found.claim.groupId, headers))) return null;
  const [claim] = await claimViews({ claimId: found.claimId }, { replies: true });
  const reply = claim?.replies?.find((r) => r.id === id);
  if (!claim || !reply) return null;
  return {
    page: claimContextUrl(origin, claim),
    document: { '@context': ANNO_CONTEXT, ...w3cReply(claim, reply, origin) },
  };
}

/** A passage's IRI: the reader at that paragraph (the reader numbers paragraphs from ¶1). */
export async function resolvePassage(slug: string, ordinal: string, origin: string): Promise<IriAnswer | null> {
  if (!/^\d{1,9}$/.test(ordinal)) return null;
  const passage = await db.passage.findFirst({
    where: { ordinal: Number(ordinal), revision: { currentOf: { slug } } },
    select: { ordinal: true },
  });
  return passage && { page: `${threadUrl(origin, slug)}#p-${passage.ordinal + 1}` };
}
