/**
 * What the API answers, as zod schemas: they describe the answers in GET /api/openapi.json, and the
 * type checker holds each route's answer to its schema (a route that answers something else does
 * not compile). Inputs are described by the schemas the routes validate with (lib/claims,
 * lib/search, lib/cruxes, lib/users).
 */
import { z } from '@hono/zod-openapi';
import { AXES } from '@/lib/claims/types';

const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: 'What went wrong and what to do about it.' }),
      field: z.string().optional().openapi({ description: 'The input at fault: a parameter, or a JSON path.' }),
    }),
  })
  .openapi('Error');

const axis = z.enum(AXES);
const timestamp = z.string().openapi({ format: 'date-time' });
/** What a tagger says of a claim, in every view of a tag. */
const tagMarks = {
  axis,
  confidence: z.number().int().nullable(),
  concreteStoryNeeded: z.boolean(),
  crux: z.boolean(),
};

export const tagSchema = z
  .object({
    id: z.uuid(),
    claimId: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    ...tagMarks,
    note: z.string().openapi({ description: 'Markdown, as written.' }),
    noteHtml: z.string().optional().openapi({ description: 'The note rendered to sanitised HTML.' }),
    labels: z.array(z.string()),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Tag');

export const tagRevisionSchema = z
  .object({
    tagId: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    version: z.number().int(),
    ...tagMarks,
    note: z.string().openapi({ description: 'Markdown, as written.' }),
    labels: z.array(z.string()),
    deleted: z.boolean().openapi({ description: 'This revision deleted the tag (the next one, if any, restored it).' }),
    createdAt: timestamp,
  })
  .openapi('TagRevision');

export const claimSchema = z
  .object({
    id: z.uuid(),
    threadSlug: z.string(),
    threadTitle: z.string(),
    passageId: z.uuid(),
    passageOrdinal: z.number().int(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: z.number().int().openapi({ description: 'Code-point offset into the passage, inclusive.' }),
    end: z.number().int().openapi({ description: 'Code-point offset into the passage, exclusive.' }),
    orphan: z.boolean().openapi({ description: 'Its text was not found again in a newer revision of the thread.' }),
    createdAt: timestamp,
    group: z.uuid().nullable().optional().openapi({ description: 'The group whose layer it is on; null: public.' }),
    replyCount: z.number().int().optional().openapi({ description: 'Live replies on the claim.' }),
    tags: z.array(tagSchema),
  })
  .openapi('Claim');

const tagSummarySchema = z
  .object({
    userId: z.uuid().openapi({ description: 'The tagger; their name is in the list’s `users`.' }),
    ...tagMarks,
    noteHtml: z.string().openapi({ description: 'The note rendered to sanitised HTML; "" when there is none.' }),
    labels: z.array(z.string()),
    version: z.number().int(),
  })
  .openapi('TagSummary');

export const claimSummaryListSchema = z
  .object({
    claims: z.array(
      z
        .object({
          id: z.uuid(),
          passageId: z.uuid(),
          passageOrdinal: z.number().int(),
          exact: z.string(),
          start: z.number().int().openapi({ description: 'Code-point offset into the passage, inclusive.' }),
          end: z.number().int().openapi({ description: 'Code-point offset into the passage, exclusive.' }),
          orphan: z.boolean(),
          replyCount: z.number().int(),
          tags: z.array(tagSummarySchema),
        })
        .openapi('ClaimSummary'),
    ),
    users: z.record(z.string(), z.string()).openapi({ description: 'Each tagger’s name by user id.' }),
    since: z.number().int().openapi({
      description: 'The thread’s last event number the list includes: open the event stream with `?since=` this.',
    }),
  })
  .openapi('ClaimSummaryList');

export const tagWriteSchema = z
  .object({
    tag: tagSchema,
    aggregates: z.object({
      taggers: z.number().int(),
      confidenceMean: z.number().nullable(),
      disagreement: z.number(),
      cruxScore: z.number(),
      consensusScore: z.number(),
    }),
  })
  .openapi('TagWrite');

export const tagDeletedSchema = z.object({ tag: tagSchema, deleted: z.literal(true) });

export const threadSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    format: z.string(),
    lines: z.number().int(),
    passages: z.number().int(),
    repeatsHidden: z.number().int(),
    revision: z.number().int(),
    claims: z.number().int(),
    taggers: z.number().int(),
    disputed: z.number().int(),
    author: z.string().nullable(),
    postedAt: timestamp.nullable(),
    updatedAt: timestamp,
  })
  .openapi('ThreadSummary');

export const ingestOutcomeSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    revision: z.number().int(),
    created: z.boolean().openapi({ description: 'False when exactly this content was there already.' }),
    passages: z.number().int(),
    repeats: z.number().int(),
    lines: z.number().int(),
    reanchored: z.object({ anchored: z.number().int(), orphaned: z.number().int() }).optional(),
  })
  .openapi('IngestOutcome');

const span = z.object({ start: z.number().int(), end: z.number().int() });

export const threadModelSchema = z
  .object({
    threadId: z.uuid(),
    slug: z.string(),
    title: z.string(),
    revision: z.object({
      id: z.uuid(),
      number: z.number().int(),
      format: z.string(),
      lineCount: z.number().int(),
      passageCount: z.number().int(),
      repeatCount: z.number().int(),
      createdAt: timestamp,
    }),
    passages: z.array(
      z.object({
        id: z.uuid(),
        ordinal: z.number().int(),
        line: z.number().int(),
        text: z.string(),
        sentences: z.array(span),
        author: z.string().nullable(),
        postedAt: z.string().nullable(),
        inReplyTo: z.object({ ordinal: z.number().int(), author: z.string().nullable() }).nullable(),
        quotedAt: z.array(z.number().int()),
      }),
    ),
    occurrences: z.array(
      z.object({
        position: z.number().int(),
        paragraph: z.number().int(),
        line: z.number().int(),
        kind: z.enum(['original', 'exact', 'partial', 'elided', 'blank']),
        text: z.string(),
        rawBefore: z.string(),
        rawAfter: z.string(),
        rawText: z.string().nullable(),
        passageId: z.uuid().nullable(),
        sourcePassageId: z.uuid().nullable(),
        spans: z.array(span).nullable(),
        replyToPassageId: z.uuid().nullable(),
      }),
    ),
    blocks: z.array(
      z.object({
        fromPosition: z.number().int(),
        toPosition: z.number().int(),
        fromLine: z.number().int(),
        toLine: z.number().int(),
        sourceFromLine: z.number().int(),
        sourceToLine: z.number().int(),
      }),
    ),
  })
  .openapi('ThreadModel');

const axisCounts = z.object({
  outer: z.number().int(),
  inner: z.number().int(),
  both: z.number().int(),
  other: z.number().int(),
});

export const searchResultSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        snippet: z.string().openapi({ description: 'The claim text as escaped HTML, matched words in <mark>.' }),
        thread: z.object({ slug: z.string(), title: z.string() }),
        passageId: z.uuid(),
        passageOrdinal: z.number().int(),
        href: z.string(),
        orphan: z.boolean(),
        createdAt: timestamp,
        rank: z.number(),
        replyCount: z.number().int(),
        aggregates: z.object({
          taggers: z.number().int(),
          confidenceMean: z.number().nullable(),
          disagreement: z.number(),
          cruxScore: z.number(),
          consensusScore: z.number(),
          crux: z.number().int(),
          concreteStoryNeeded: z.number().int(),
          axes: axisCounts,
          labels: z.array(z.string()),
        }),
      }),
    ),
    nextCursor: z.string().nullable(),
    facets: z.object({
      total: z.number().int(),
      axis: axisCounts,
      crux: z.number().int(),
      concreteStory: z.number().int(),
      threads: z.array(z.object({ slug: z.string(), title: z.string(), count: z.number().int() })),
    }),
    mode: z.enum(['fulltext', 'fuzzy', 'browse']),
    correctedQuery: z.string().nullable(),
    sort: z.enum(['relevance', 'disagreement', 'tagged', 'newest']),
  })
  .openapi('SearchResult');

export const savedSearchSchema = z
  .object({ id: z.uuid(), name: z.string(), query: z.string(), createdAt: timestamp })
  .openapi('SavedSearch');

export const newUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['USER', 'ADMIN']),
    createdAt: timestamp,
  })
  .openapi('User');

export const importReportSchema = z
  .looseObject({
    format: z.string(),
    annotations: z.number().int(),
    created: z.number().int(),
    alreadyPresent: z.number().int(),
    claims: z.number().int(),
    orphans: z.array(z.looseObject({})),
    externalAuthors: z.array(z.object({ id: z.uuid(), iri: z.string(), name: z.string() })),
  })
  .openapi('ImportReport');

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']),
    db: z.enum(['up', 'down']),
    migration: z.object({ latest: z.string().nullable(), pending: z.array(z.string()) }).nullable(),
    searchIndex: z.object({
      state: z.enum(['loading', 'ready', 'failed']),
      claims: z.number().int(),
      error: z.string().optional(),
    }),
    error: z.string().optional(),
  })
  .openapi('Health');
