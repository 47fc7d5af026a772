import { z } from 'zod';
import { importAnnotations } from '@/lib/server/annotations/import-annotations';
import { importQuerySchema } from '@/lib/server/annotations/import-query';
import { readJson, readQuery } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { publicOrigin } from '@/lib/server/public-origin';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Import W3C Web Annotation JSON-LD or Hypothesis JSON (`?thread=SLUG` anchors annotations from
 * elsewhere on that thread); 201 with what was created, 200 when everything was there already.
 */
export const POST = route({ auth: 'required' }, async ({ req, url, user }) => {
  const { thread } = readQuery(url, importQuerySchema);
  const document = await readJson(req, z.unknown(), MAX_IMPORT_BYTES);
  const report = await importAnnotations(document, user, { origin: publicOrigin(), thread });
  return Response.json({ import: report }, { status: report.created > 0 ? 201 : 200 });
});
