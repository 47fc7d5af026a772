import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { cruxQuerySchema } from '@/lib/cruxes/crux-query';
import { z } from '@hono/zod-openapi';
import { doubleCruxQuerySchema } from '@/lib/cruxes/double-crux-query';
import { doubleCruxMarkdown } from '@/lib/export/double-crux-markdown';
import { cruxExport } from '../cruxes/crux-route';
import { doubleCruxReport, sideName } from '../cruxes/double-crux-report';
import { publicOrigin } from '../public-origin';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, problems } from './define';
import { tagSchema } from './schemas';
import { threadParams } from './params';

/** The crux summaries, as downloads (or the page, for `format=html`). */
export const cruxes = new OpenAPIHono<ApiEnv>();

const EXPORTS = {
  description: 'The summary as a download in the format asked for (docs/formats describes each).',
  content: {
    'application/json': { schema: { type: 'object' } },
    'text/markdown': { schema: { type: 'string' } },
    'text/csv': { schema: { type: 'string' } },
    'application/ld+json': { schema: { type: 'object', description: 'A W3C Web Annotation AnnotationCollection.' } },
  },
} as const;

const SEE_PAGE = { description: '`format=html`: the crux page, with the same parameters.' } as const;

handle(
  cruxes,
  createRoute({
    method: 'get',
    path: '/cruxes',
    tags: ['Cruxes'],
    summary: 'The crux summary across threads (or of one, with `thread`)',
    description:
      'The claims readers disagree on most, by axis, with the spread of confidences and the notes. `taggers` narrows to a group of readers, `minTaggers` to claims that many tagged, `group` to a reading circle’s layer (members only; 404 otherwise).',
    request: { query: cruxQuerySchema },
    responses: { 200: EXPORTS, 303: SEE_PAGE, ...problems(400, 404, 503) },
  }),
  async (c) => cruxExport(c.req.valid('query'), new URL(c.req.url).searchParams, c.get('user')),
);

handle(
  cruxes,
  createRoute({
    method: 'get',
    path: '/threads/{slug}/cruxes',
    tags: ['Cruxes'],
    summary: 'A thread’s crux summary',
    request: { params: threadParams, query: cruxQuerySchema.omit({ thread: true }) },
    responses: { 200: EXPORTS, 303: SEE_PAGE, ...problems(400, 404, 503) },
  }),
  async (c) =>
    cruxExport(c.req.valid('query'), new URL(c.req.url).searchParams, c.get('user'), c.req.valid('param').slug),
);

const reader = z.object({ id: z.uuid(), name: z.string() });

const doubleCruxSchema = z
  .object({
    a: reader.openapi({ description: 'Side A’s reader (its first, for a set).' }),
    b: reader.openapi({ description: 'Side B’s reader (its first, for a set).' }),
    readersA: z.array(reader).openapi({ description: 'Every reader of side A, in the order asked.' }),
    readersB: z.array(reader),
    thread: z.object({ slug: z.string(), title: z.string() }).nullable(),
    claims: z.array(
      z.object({
        claimId: z.uuid(),
        text: z.string(),
        thread: z.object({ slug: z.string(), title: z.string() }),
        passageOrdinal: z.number().int(),
        a: tagSchema.openapi({ description: 'Side A’s tag: its reader’s, or its first reader’s who rated the claim.' }),
        b: tagSchema,
        tagsA: z.array(tagSchema).openapi({ description: 'Every tag with a confidence from side A.' }),
        tagsB: z.array(tagSchema),
        confidenceA: z.number().openapi({ description: 'Side A’s confidence: its reader’s, or its readers’ mean.' }),
        confidenceB: z.number(),
        gap: z.number().openapi({ description: '|confidenceA − confidenceB|, 0–100, to one decimal.' }),
        cruxA: z.boolean().openapi({ description: 'Anyone on side A marked it a crux.' }),
        cruxB: z.boolean(),
        axisA: tagSchema.shape.axis.openapi({ description: 'The axis side A chose (most of its readers, for a set).' }),
        axisB: tagSchema.shape.axis,
      }),
    ),
  })
  .openapi('DoubleCrux');

handle(
  cruxes,
  createRoute({
    method: 'get',
    path: '/cruxes/double',
    tags: ['Cruxes'],
    summary: 'Where two readers disagree most (double crux)',
    description:
      'The claims both readers gave a confidence on, widest gap |confA − confB| first. `a` and `b` each name a reader, or a set of readers as comma-separated user ids (up to 20, none on both sides): a set stands at the mean confidence of its readers who rated the claim, and a claim counts when someone on each side rated it; with one reader a side the answer is as it always was. `thread` narrows to one thread, `group` to a reading circle’s layer (members only; 404 otherwise). `format=md` downloads Markdown.',
    request: { query: doubleCruxQuerySchema },
    responses: {
      200: {
        ...jsonAnswer(doubleCruxSchema, 'The claims, ranked.'),
        content: {
          'application/json': { schema: doubleCruxSchema },
          'text/markdown': { schema: { type: 'string' } },
        },
      },
      ...problems(400, 404, 503),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const report = await doubleCruxReport(query, c.get('user'));
    if (query.format === 'md') {
      const names = { a: sideName(report.readersA), b: sideName(report.readersB) };
      const body = doubleCruxMarkdown(report.claims, names, publicOrigin());
      return c.body(body, 200, {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': 'attachment; filename="double-cruxes.md"',
      }) as never;
    }
    return c.json(report, 200);
  },
);
