import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { cruxQuerySchema } from '@/lib/cruxes/crux-query';
import { cruxExport } from '../cruxes/crux-route';
import type { ApiEnv } from './context';
import { handle, problems } from './define';
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
