import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { importAnnotations } from '../annotations/import-annotations';
import { importQuerySchema } from '../annotations/import-query';
import { publicOrigin } from '../public-origin';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { importReportSchema } from './schemas';

/** The largest document an import takes, as large as an upload. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const annotations = new OpenAPIHono<ApiEnv>();

handle(
  annotations,
  createRoute({
    method: 'post',
    path: '/annotations/import',
    tags: ['Annotations'],
    summary: 'Import W3C Web Annotations or Hypothesis annotations',
    description:
      "W3C JSON-LD (an AnnotationCollection, an AnnotationPage, one annotation or a list) or Hypothesis JSON (one annotation of its API, a search response, its JSON-LD), up to 20 MB. Annotations of pages other than this site's threads are anchored on `thread` by their quotes; what cannot be anchored is reported as an orphan. A creator naming another account of this site is refused with 422 at its JSON path.",
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { query: importQuerySchema, body: jsonBody(z.unknown(), 'The annotations as JSON-LD.', MAX_IMPORT_BYTES) },
    responses: {
      201: jsonAnswer(
        z.object({ import: importReportSchema }),
        'What was created, what was there already, what could not be anchored.',
      ),
      200: jsonAnswer(z.object({ import: importReportSchema }), 'Nothing new: every annotation was there already.'),
      ...problems(400, 401, 413, 415, 422, 503),
    },
  }),
  async (c) => {
    const { thread } = c.req.valid('query');
    const report = await importAnnotations(c.req.valid('json'), c.get('user'), { origin: publicOrigin(), thread });
    return report.created > 0 ? c.json({ import: report }, 201) : c.json({ import: report }, 200);
  },
);
