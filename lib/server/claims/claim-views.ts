import type { ClaimReply, ClaimSummaryList, ClaimView, TagSummaryWire, TagView } from '@/lib/claims/types';
import { inSnapshot } from '../db/pg-pool';

export interface ClaimViewFilter {
  /** One claim, tagged or not. */
  claimId?: string;
  threadId?: string;
  /** Only claims that lost (true) or kept (false) their anchor; both when absent. */
  orphan?: boolean;
  /**
   * The layer of a list: a group's id, or null / absent for the public layer. A list never mixes
   * layers; one claim asked for by id is returned whatever its layer (its route checks who asks).
   */
  groupId?: string | null;
}

/** A timestamp(3) as JavaScript's toISOString writes it (stored values are UTC). */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The filter as a condition on "Claim" c, its values numbered from $1. */
function claimCondition(filter: ClaimViewFilter): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.claimId !== undefined) conditions.push(`c."id" = ${param(filter.claimId)}::uuid`);
  else conditions.push(`EXISTS (SELECT 1 FROM "Tag" l WHERE l."claimId" = c."id" AND l."deletedAt" IS NULL)`);
  if (filter.threadId !== undefined) conditions.push(`c."threadId" = ${param(filter.threadId)}::uuid`);
  if (filter.orphan !== undefined) conditions.push(`c."orphan" = ${param(filter.orphan)}`);
  if (filter.claimId === undefined) {
    conditions.push(filter.groupId ? `c."groupId" = ${param(filter.groupId)}::uuid` : `c."groupId" IS NULL`);
  }
  return { where: conditions.join(' AND '), values };
}

/**
 * Claims with every live tag (notes as stored: Markdown and its sanitised HTML), in reading order.
 * Lists hold only claims someone has a live tag on; one claim asked for by id is returned tagged or
 * not. Two plain statements in one snapshot (the claims, then their tags), joined here: a thread's side panel reads
 * every claim with every tag on each page view (2,000 claims and 10,000 tags on the benchmark
 * thread), and the ORM's nested select cost several times as much, nearly all of it the app's CPU.
 */
export async function claimViews(
  filter: ClaimViewFilter,
  options: { provenance?: boolean; replies?: boolean } = {},
): Promise<ClaimView[]> {
  const { where, values } = claimCondition(filter);
  // Who an imported tag's external author is and where it was first published: the annotation
  // exports write them; the reader's 4.5 MB of claims does without.
  const provenance = options.provenance ? `, u."externalIri", u."externalName", g."canonicalIri"` : '';
  const [claims, tags, replies] = await inSnapshot(
    async (client) =>
      [
        await client.query<Omit<ClaimView, 'tags'>>({
          text: `SELECT c."id", t."slug" AS "threadSlug", t."title" AS "threadTitle", c."passageId", p."ordinal" AS "passageOrdinal",
                    c."start", c."end", c."exact", c."prefix", c."suffix", c."orphan", ${iso('c."createdAt"')} AS "createdAt",
                    c."groupId" AS "group", c."replyCount"
             FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId" JOIN "Thread" t ON t."id" = c."threadId"
             WHERE ${where}
             ORDER BY p."ordinal", c."start", c."end", c."id"`,
          values,
        }),
        await client.query<TagView>({
          text: `SELECT g."id", g."claimId", g."userId", u."name" AS "userName", g."axis", g."confidence", g."concreteStoryNeeded", g."crux",
                    g."note", g."noteHtml", g."labels", g."version", ${iso('g."createdAt"')} AS "createdAt", ${iso('g."updatedAt"')} AS "updatedAt"${provenance}
             FROM "Tag" g JOIN "Claim" c ON c."id" = g."claimId" JOIN "User" u ON u."id" = g."userId"
             WHERE g."deletedAt" IS NULL AND ${where}
             ORDER BY g."claimId", g."createdAt", g."id"`,
          values,
        }),
        // The exports write replies too; the reader loads them per claim when asked (GET …/replies).
        options.replies
          ? await client.query<ClaimReply & { claimId: string }>({
              text: `SELECT r."id", r."claimId", r."authorId", u."name" AS "authorName", r."parentId", r."body",
                        ${iso('r."createdAt"')} AS "createdAt", CASE WHEN r."editedAt" IS NULL THEN NULL ELSE ${iso('r."editedAt"')} END AS "editedAt"
                 FROM "Reply" r JOIN "Claim" c ON c."id" = r."claimId" JOIN "User" u ON u."id" = r."authorId"
                 WHERE r."deletedAt" IS NULL AND ${where}
                 ORDER BY r."claimId", r."createdAt", r."id"`,
              values,
            })
          : null,
      ] as const,
  );
  const tagsOf = new Map<string, TagView[]>();
  for (const tag of tags.rows) {
    const list = tagsOf.get(tag.claimId);
    if (list) list.push(tag);
    else tagsOf.set(tag.claimId, [tag]);
  }
  const repliesOf = new Map<string, ClaimReply[]>();
  for (const { claimId, ...reply } of replies?.rows ?? []) {
    const list = repliesOf.get(claimId);
    if (list) list.push(reply);
    else repliesOf.set(claimId, [reply]);
  }
  return claims.rows.map((claim) => ({
    ...claim,
    tags: tagsOf.get(claim.id) ?? [],
    ...(replies ? { replies: repliesOf.get(claim.id) ?? [] } : {}),
  }));
}

export async function claimView(id: string): Promise<ClaimView | null> {
  return (await claimViews({ claimId: id }))[0] ?? null;
}

/**
 * A thread's tagged claims on one layer, in reading order, with what the reader draws, filters and
 * lists: each claim's span and each tag's axis, confidence, marks and rendered note — not the raw
 * notes, times, ids or the quote's context, which one claim's full view holds. Read in one snapshot
 * with the thread's event number, so the live stream can start exactly after it. A tenth of the
 * bytes of claimViews on a 2,000-claim thread, and cheaper to read and to send.
 */
export async function claimSummaries(threadId: string, groupId: string | null): Promise<ClaimSummaryList> {
  const { where, values } = claimCondition({ threadId, groupId });
  const [claims, tags, since] = await inSnapshot(
    async (client) =>
      [
        await client.query<ClaimSummaryList['claims'][number]>({
          text: `SELECT c."id", c."passageId", p."ordinal" AS "passageOrdinal", c."start", c."end", c."exact", c."orphan", c."replyCount"
             FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId"
             WHERE ${where}
             ORDER BY p."ordinal", c."start", c."end", c."id"`,
          values,
        }),
        await client.query<TagSummaryWire & { claimId: string; userName: string }>({
          text: `SELECT g."claimId", g."userId", u."name" AS "userName", g."axis", g."confidence", g."concreteStoryNeeded", g."crux",
                    g."noteHtml", g."labels", g."version"
             FROM "Tag" g JOIN "Claim" c ON c."id" = g."claimId" JOIN "User" u ON u."id" = g."userId"
             WHERE g."deletedAt" IS NULL AND ${where}
             ORDER BY g."claimId", g."createdAt", g."id"`,
          values,
        }),
        await client.query<{ eventSeq: number }>({
          text: `SELECT "eventSeq" FROM "Thread" WHERE "id" = $1::uuid`,
          values: [threadId],
        }),
      ] as const,
  );
  const users: Record<string, string> = {};
  const tagsOf = new Map<string, TagSummaryWire[]>();
  for (const { claimId, userName, ...tag } of tags.rows) {
    users[tag.userId] = userName;
    const list = tagsOf.get(claimId);
    if (list) list.push(tag);
    else tagsOf.set(claimId, [tag]);
  }
  return {
    claims: claims.rows.map((claim) => ({ ...claim, tags: tagsOf.get(claim.id) ?? [] })),
    users,
    since: since.rows[0]?.eventSeq ?? 0,
  };
}
