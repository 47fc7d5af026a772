import { z } from 'zod';
import { importAnnotations } from '@/lib/server/annotations/import-annotations';
import { readJson } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Import W3C Web Annotation JSON-LD (an AnnotationCollection, page or list); 201 with what was created. */
export const POST = route({ auth: 'required' }, async ({ req, user }) => {
  const document = await readJson(req, z.unknown(), MAX_IMPORT_BYTES);
  const report = await importAnnotations(document, user);
  return Response.json({ import: report }, { status: report.created > 0 ? 201 : 200 });
});
