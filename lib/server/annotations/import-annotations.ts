import { randomUUID } from 'node:crypto';
import type { ImportedAnnotation } from '@/lib/export';
import { parseW3c } from '@/lib/export/parse-w3c';
import { renderNote } from '@/lib/markdown/render-note';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '../auth/session';
import { refreshClaimAggregates } from '../claims/refresh-aggregates';
import { db } from '../db/client';
import { recordEvents } from '../events/publish';
import { unprocessable } from '../http/errors';
import { placeImported } from './anchor-imported';

type Tx = Prisma.TransactionClient;

export interface ImportReport {
  annotations: number;
  created: number;
  alreadyPresent: number;
  claims: number;
  orphans: { annotation: string; thread: string; exact: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const keepId = (id: string | null) => (id && UUID.test(id) ? id : randomUUID());

/**
 * Where an orphan is kept on its passage: it has no span there, so it takes the next free negative
 * position (below any other orphan's), keeping "same span, same claim" true for anchored claims.
 */
async function orphanSpan(tx: Tx, passageId: string) {
  const lowest = await tx.claim.aggregate({ where: { passageId, start: { lt: 0 } }, _min: { start: true } });
  const position = (lowest._min.start ?? 0) - 1;
  return { passageId, start: position, end: position };
}

/** The tagger of an imported annotation: the same user when its id is known here, else an imported reader (who cannot sign in). */
async function taggerFor(tx: Tx, annotation: ImportedAnnotation, importer: SessionUser, cache: Map<string, string>) {
  const { creator } = annotation;
  const key = creator.userId ?? creator.iri ?? creator.name ?? '';
  if (!key) return importer.id;
  const cached = cache.get(key);
  if (cached) return cached;
  const id = keepId(creator.userId);
  const existing = await tx.user.findUnique({ where: { id }, select: { id: true } });
  if (!existing) {
    await tx.user.create({
      data: { id, name: creator.name ?? 'Imported reader', email: `imported-${id}@users.invalid` },
    });
  }
  cache.set(key, id);
  return id;
}

/**
 * Imports W3C Web Annotations (as Crux Reader exports them): each is re-anchored onto the thread
 * it names, creating claims and tags with their ids, taggers and times, so that exporting again
 * gives the same document. One transaction: a problem anywhere (422, with the JSON path of the
 * first) leaves the database as it was. Annotations whose quote is no longer in the thread are
 * kept as orphans and reported, never dropped.
 */
export async function importAnnotations(input: unknown, importer: SessionUser): Promise<ImportReport> {
  const parsed = parseW3c(input);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    throw unprocessable(
      `${first.path}: ${first.message}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : ''}`,
      first.path,
    );
  }
  const { annotations } = parsed;
  const slugs = [...new Set(annotations.map((a) => a.threadSlug))];
  const threads = await db.thread.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      slug: true,
      currentRevision: {
        select: { passages: { select: { id: true, ordinal: true, text: true }, orderBy: { ordinal: 'asc' } } },
      },
    },
  });
  const bySlug = new Map(threads.map((t) => [t.slug, t]));
  const missing = annotations.findIndex((a) => !bySlug.get(a.threadSlug)?.currentRevision);
  if (missing !== -1) {
    throw unprocessable(
      `$.first.items[${missing}].target.source: there is no thread "${annotations[missing].threadSlug}" here; ingest it first.`,
      `$.first.items[${missing}].target.source`,
    );
  }

  return db.$transaction(
    async (tx) => {
      const report: ImportReport = {
        annotations: annotations.length,
        created: 0,
        alreadyPresent: 0,
        claims: 0,
        orphans: [],
      };
      const users = new Map<string, string>();
      const touched = new Set<string>();
      const createdIn = new Map<string, number>();
      for (const annotation of annotations) {
        const thread = bySlug.get(annotation.threadSlug)!;
        const placement = placeImported(
          thread.currentRevision!.passages,
          annotation.passageOrdinal,
          annotation.selector,
        );
        if (placement.status === 'orphan')
          report.orphans.push({ annotation: annotation.id, thread: thread.slug, exact: annotation.selector.exact });
        const { selector } = placement;
        const span = { passageId: placement.passageId, start: selector.start, end: selector.end };
        const claim =
          (annotation.claimId && UUID.test(annotation.claimId)
            ? await tx.claim.findUnique({ where: { id: annotation.claimId }, select: { id: true } })
            : null) ??
          (placement.status === 'anchored'
            ? await tx.claim.findUnique({ where: { passageId_start_end: span }, select: { id: true } })
            : await tx.claim.findFirst({
                where: { passageId: placement.passageId, orphan: true, exact: selector.exact },
                select: { id: true },
              })) ??
          (await tx.claim.create({
            data: {
              id: keepId(annotation.claimId),
              threadId: thread.id,
              ...(placement.status === 'anchored' ? span : await orphanSpan(tx, placement.passageId)),
              exact: selector.exact,
              prefix: selector.prefix,
              suffix: selector.suffix,
              orphan: placement.status === 'orphan',
              createdById: importer.id,
            },
            select: { id: true },
          }));
        if (!touched.has(claim.id)) report.claims++;
        touched.add(claim.id);
        const userId = await taggerFor(tx, annotation, importer, users);
        const tagId = keepId(annotation.tagId);
        const present = await tx.tag.findFirst({
          where: { OR: [{ id: tagId }, { claimId: claim.id, userId }] },
          select: { id: true },
        });
        if (present) {
          report.alreadyPresent++;
          continue;
        }
        const fields = {
          axis: annotation.axis,
          confidence: annotation.confidence,
          concreteStoryNeeded: annotation.concreteStoryNeeded,
          crux: annotation.crux,
          note: annotation.note,
          labels: annotation.labels,
        };
        const noteHtml = annotation.note ? renderNote(annotation.note) : '';
        const created = annotation.created ? new Date(annotation.created) : new Date();
        const tag = await tx.tag.create({
          data: {
            id: tagId,
            claimId: claim.id,
            userId,
            ...fields,
            noteHtml,
            createdAt: created,
            updatedAt: annotation.modified ? new Date(annotation.modified) : created,
          },
        });
        await tx.tagRevision.create({ data: { tagId: tag.id, version: 1, ...fields, byUserId: importer.id } });
        report.created++;
        createdIn.set(thread.id, (createdIn.get(thread.id) ?? 0) + 1);
      }
      for (const claimId of touched) await refreshClaimAggregates(tx, claimId);
      // Open readers of each thread that gained tags reload its claims (delivered on commit).
      for (const [threadId, created] of [...createdIn].sort(([a], [b]) => a.localeCompare(b))) {
        const { text, values } = recordEvents(threadId, [{ type: 'import', payload: { created } }]);
        await tx.$queryRawUnsafe(text, ...values);
      }
      return report;
    },
    { timeout: 120_000 },
  );
}
