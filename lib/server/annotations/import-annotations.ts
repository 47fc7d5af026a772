import { type AnnotationFormat, type ImportedAnnotation, parseAnnotations } from '@/lib/export';
import { readSiteIri } from '@/lib/export/w3c-iris';
import type { Prisma } from '@/lib/generated/prisma/client';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { attributeCreators } from '../authors/attribute-creators';
import { refreshClaimAggregates } from '../claims/refresh-aggregates';
import { db } from '../db/client';
import { uuidv7 } from '../db/uuid';
import { recordEvents } from '../events/publish';
import { unprocessable } from '../http/errors';
import { type Placement, placeImported } from './anchor-imported';
import { type ImportThread, resolveTargets } from './resolve-targets';

type Tx = Prisma.TransactionClient;

/** An annotation that found no place in the text; `kept` ones are stored as orphaned claims, to re-attach. */
export interface ImportOrphan {
  annotation: string;
  path: string;
  thread: string;
  exact: string;
  /** quote-not-found: kept as an orphan; no-quote: a note on the whole page; reply: an answer to another annotation. */
  reason: 'quote-not-found' | 'no-quote' | 'reply';
  kept: boolean;
}

export interface ImportReport {
  format: AnnotationFormat;
  annotations: number;
  created: number;
  alreadyPresent: number;
  claims: number;
  orphans: ImportOrphan[];
  externalAuthors: { id: string; iri: string; name: string }[];
}

export interface ImportOptions {
  /** This site's public origin: which IRIs are its own. */
  origin: string;
  /** The thread to anchor annotations on whose source is not one of this site's threads. */
  thread?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The id in one of this site's IRIs of `kind`, when `iri` is one. */
function ownId(iri: string | null, origin: string, kind: 'annotation' | 'claim'): string | null {
  const site = iri ? readSiteIri(iri, origin) : null;
  return site?.kind === kind && UUID.test(site.id) ? site.id : null;
}

/**
 * Where an orphan is kept on its passage: it has no span there, so it takes the next free negative
 * position (below any other orphan's), keeping "same span, same claim" true for anchored claims.
 */
async function orphanSpan(tx: Tx, passageId: string) {
  const lowest = await tx.claim.aggregate({ where: { passageId, start: { lt: 0 } }, _min: { start: true } });
  const position = (lowest._min.start ?? 0) - 1;
  return { passageId, start: position, end: position };
}

/**
 * The claim an annotation makes on its thread: this site's claim it names (when on that thread),
 * else the claim of the same span (or the orphan of the same quote), else a new one.
 */
async function claimFor(
  tx: Tx,
  annotation: ImportedAnnotation,
  thread: ImportThread,
  placement: Placement,
  importer: SessionUser,
  origin: string,
): Promise<string> {
  const { selector } = placement;
  const span = { passageId: placement.passageId, start: selector.start, end: selector.end };
  const named = ownId(annotation.target.id, origin, 'claim');
  const found =
    // Imports land on the public layer: a group's claim is never found (nor named) from outside it.
    (named
      ? await tx.claim.findFirst({ where: { id: named, threadId: thread.id, groupId: null }, select: { id: true } })
      : null) ??
    (placement.status === 'anchored'
      ? await tx.claim.findFirst({ where: { ...span, groupId: null }, select: { id: true } })
      : await tx.claim.findFirst({
          where: { passageId: placement.passageId, orphan: true, exact: selector.exact, groupId: null },
          select: { id: true },
        }));
  if (found) return found.id;
  // This site's own claim id comes back when that claim is gone (an export restored); any other id is new.
  const keep = named !== null && (await tx.claim.count({ where: { id: named } })) === 0;
  const claim = await tx.claim.create({
    data: {
      id: keep ? named : uuidv7(),
      threadId: thread.id,
      ...(placement.status === 'anchored' ? span : await orphanSpan(tx, placement.passageId)),
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      orphan: placement.status === 'orphan',
      createdById: importer.id,
    },
    select: { id: true },
  });
  return claim.id;
}

/**
 * Imports annotations — W3C Web Annotation JSON-LD or Hypothesis JSON — onto this site's threads:
 * each is anchored by its quote, creating claims and tags with their times, written as the importer
 * or as external authors (never as another reader of this site). One transaction: a problem
 * anywhere (422 with the JSON path of the first) leaves the database as it was. Annotations that
 * find no place are reported as orphans, never dropped unsaid.
 */
export async function importAnnotations(
  input: unknown,
  importer: SessionUser,
  options: ImportOptions,
): Promise<ImportReport> {
  const parsed = parseAnnotations(input);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : '';
    throw unprocessable(`${first.path}: ${first.message}${more}`, first.path);
  }
  const { annotations, format } = parsed;
  const targets = await resolveTargets(annotations, options.origin, options.thread);
  // Anchoring is the import's CPU work: done before the transaction, which then only writes.
  const placements = annotations.map((annotation, i) =>
    annotation.target.quote
      ? placeImported(targets[i].thread.passages, annotation.target.quote, targets[i].hint)
      : null,
  );
  return db.$transaction(
    async (tx) => {
      const { userOf, externalAuthors } = await attributeCreators(
        tx,
        annotations.map((a) => a.creator),
        importer,
        options.origin,
      );
      const report: ImportReport = {
        format,
        annotations: annotations.length,
        created: 0,
        alreadyPresent: 0,
        claims: 0,
        orphans: [],
        externalAuthors,
      };
      const touched = new Set<string>();
      const createdIn = new Map<string, number>();
      for (const [i, annotation] of annotations.entries()) {
        const { thread } = targets[i];
        const placement = placements[i];
        const orphan = { annotation: annotation.id, path: annotation.path, thread: thread.slug };
        if (!placement) {
          const reason = annotation.replyTo ? 'reply' : 'no-quote';
          report.orphans.push({ ...orphan, exact: '', reason, kept: false });
          continue;
        }
        if (placement.status === 'orphan')
          report.orphans.push({ ...orphan, exact: placement.selector.exact, reason: 'quote-not-found', kept: true });
        const claimId = await claimFor(tx, annotation, thread, placement, importer, options.origin);
        if (!touched.has(claimId)) report.claims++;
        touched.add(claimId);
        const userId = userOf.get(annotation.creator.iri ?? '') as string;
        const ownTag =
          ownId(annotation.id, options.origin, 'annotation') ?? ownId(annotation.iri, options.origin, 'annotation');
        const canonicalIri = ownTag || !annotation.iri || !URL.canParse(annotation.iri) ? null : annotation.iri;
        const present = await tx.tag.findFirst({
          where: {
            OR: [{ claimId, userId }, ...(ownTag ? [{ id: ownTag }] : []), ...(canonicalIri ? [{ canonicalIri }] : [])],
          },
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
        const created = annotation.created ? new Date(annotation.created) : new Date();
        const tag = await tx.tag.create({
          data: {
            id: ownTag ?? uuidv7(),
            claimId,
            userId,
            ...fields,
            noteHtml: annotation.note ? renderNote(annotation.note) : '',
            canonicalIri,
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
