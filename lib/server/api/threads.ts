import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { IngestError } from '@/lib/ingest/errors';
import { THREAD_FORMATS } from '@/lib/ingest/types';
import { ApiError } from '../http/errors';
import { ingestThread } from '../threads/ingest-thread';
import { listThreads } from '../threads/list-threads';
import { renameThread } from '../threads/rename-thread';
import { getThreadModel, rebuildOriginal } from '../threads/thread-model';
import { jsonUploadSchema, readUpload } from '../threads/upload';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { threadParams } from './params';
import { ingestOutcomeSchema, threadModelSchema, threadSummarySchema } from './schemas';

/** Threads: the list, uploads, the deduplicated model and the original text. */
export const threads = new OpenAPIHono<ApiEnv>();

handle(
  threads,
  createRoute({
    method: 'get',
    path: '/threads',
    tags: ['Threads'],
    summary: 'Every thread',
    responses: {
      200: jsonAnswer(z.object({ threads: z.array(threadSummarySchema) }), 'Threads by title.'),
      ...problems(503),
    },
  }),
  async (c) => c.json({ threads: await listThreads() }, 200),
);

/** Bad input is reported with what is wrong and where (byte offset, JSON path); nothing is written. */
function ingestErrorToApi(error: IngestError): ApiError {
  const where = error.path ?? (error.offset !== undefined ? `byte ${error.offset}` : undefined);
  return new ApiError(error.code === 'too_large' ? 'payload_too_large' : 'unprocessable', error.message, where);
}

/**
 * The upload is read by readUpload (multipart or JSON, 20 MB), not by the route's validators: a
 * multipart body must be size-checked before it is parsed. The forms are described here from the
 * same schema.
 */
const uploadForm = z.toJSONSchema(
  jsonUploadSchema.omit({ text: true }).extend({ file: z.string().meta({ format: 'binary' }) }),
  { io: 'input' },
);

handle(
  threads,
  createRoute({
    method: 'post',
    path: '/threads',
    tags: ['Threads'],
    summary: 'Upload a thread',
    description: `A file in the multipart field \`file\`, or JSON \`{title, format, text}\`; up to 20 MB. The format (${THREAD_FORMATS.join(', ')}) is detected when not given. Nothing is written when the input is bad.`,
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': { schema: uploadForm as object },
          'application/json': { schema: z.toJSONSchema(jsonUploadSchema, { io: 'input' }) as object },
        },
      },
    },
    responses: {
      201: jsonAnswer(z.object({ thread: ingestOutcomeSchema }), 'A new thread, or a new revision of one.'),
      200: jsonAnswer(z.object({ thread: ingestOutcomeSchema }), 'Exactly this content was there already.'),
      ...problems(400, 401, 413, 415, 422, 503),
    },
  }),
  async (c) => {
    const upload = await readUpload(c.req.raw);
    try {
      const outcome = await ingestThread({ ...upload, createdById: c.get('user').id });
      return outcome.created ? c.json({ thread: outcome }, 201) : c.json({ thread: outcome }, 200);
    } catch (error) {
      if (error instanceof IngestError) throw ingestErrorToApi(error);
      throw error;
    }
  },
);

const renameSchema = z.object({
  title: z
    .string({ error: 'title must be text.' })
    .trim()
    .min(1, 'title must not be empty.')
    .max(300, 'title is at most 300 characters.'),
});

handle(
  threads,
  createRoute({
    method: 'patch',
    path: '/threads/{slug}',
    tags: ['Threads'],
    summary: 'Rename a thread',
    description: 'Only the reader who uploaded the thread (or an admin) may; the new title shows everywhere at once.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: threadParams, body: jsonBody(renameSchema, 'The new title.') },
    responses: {
      200: jsonAnswer(z.object({ thread: z.object({ slug: z.string(), title: z.string() }) }), 'The renamed thread.'),
      ...problems(400, 401, 403, 404, 415, 503),
    },
  }),
  async (c) =>
    c.json({ thread: await renameThread(c.req.valid('param').slug, c.get('user'), c.req.valid('json').title) }, 200),
);

handle(
  threads,
  createRoute({
    method: 'get',
    path: '/threads/{slug}',
    tags: ['Threads'],
    summary: 'A thread, deduplicated',
    description:
      'Its unique passages `{id, ordinal, text, …}` (claims refer to the `id`), every occurrence in order, and the folded repeat blocks.',
    request: { params: threadParams },
    responses: { 200: jsonAnswer(threadModelSchema, 'The thread’s current revision.'), ...problems(404, 503) },
  }),
  async (c) => c.json(await getThreadModel(c.req.valid('param').slug), 200),
);

handle(
  threads,
  createRoute({
    method: 'get',
    path: '/threads/{slug}/original',
    tags: ['Threads'],
    summary: 'A thread exactly as it was ingested',
    description: 'Byte for byte, rebuilt from its stored occurrences; a download.',
    request: { params: threadParams },
    responses: {
      200: {
        description: 'The original file.',
        content: {
          'text/plain': { schema: z.string().openapi({ description: 'Text and Markdown threads.' }) },
          'application/json': { schema: z.string().openapi({ description: 'LessWrong GraphQL JSON threads.' }) },
        },
      },
      ...problems(404, 503),
    },
  }),
  async (c) => {
    const model = await getThreadModel(c.req.valid('param').slug);
    const { format } = model.revision;
    const extension = format === 'lesswrong-json' ? 'json' : format === 'markdown' ? 'md' : 'txt';
    return c.text(rebuildOriginal(model.occurrences), 200, {
      'Content-Type': `${extension === 'json' ? 'application/json' : 'text/plain'}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${model.slug}.${extension}"`,
    });
  },
);
