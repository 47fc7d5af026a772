import { z } from 'zod';
import { THREAD_FORMATS, type ThreadFormat } from '@/lib/ingest/types';
import { readBodyBytes, readJson } from '../http/body';
import { ApiError, badRequest, payloadTooLarge } from '../http/errors';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface Upload {
  bytes: Uint8Array;
  format?: ThreadFormat;
  title?: string;
  slug?: string;
  sourceName?: string;
}

const formatSchema = z.enum(THREAD_FORMATS as [ThreadFormat, ...ThreadFormat[]], {
  error: `format must be one of ${THREAD_FORMATS.join(', ')}.`,
});

/** An upload as JSON (a multipart form has the same fields, with the thread as the file `file`). */
export const jsonUploadSchema = z.object({
  text: z.string({ error: 'text is required: the thread itself.' }),
  title: z.string().trim().max(300).optional(),
  format: formatSchema.optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'slug is lower-case letters, digits and dashes.')
    .optional(),
  sourceName: z.string().max(300).optional(),
});

function optionalField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Reads an upload: a multipart form with a `file` (and title/format/slug), or JSON `{title, format, text}`. */
export async function readUpload(req: Request): Promise<Upload> {
  const type = req.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const declared = Number(req.headers.get('content-length') ?? 0);
    if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
      throw payloadTooLarge(`The upload is ${declared} bytes; the limit is 20 MB.`, 'file');
    const form = await new Response(await readBodyBytes(req, MAX_UPLOAD_BYTES + 64 * 1024), {
      headers: { 'content-type': type },
    })
      .formData()
      .catch(() => {
        throw badRequest('The multipart form could not be read.');
      });
    const file = form.get('file');
    if (!(file instanceof File)) throw badRequest('Attach the thread as a file in the field "file".', 'file');
    if (file.size > MAX_UPLOAD_BYTES)
      throw payloadTooLarge(`${file.name} is ${file.size} bytes; the limit is 20 MB.`, 'file');
    const format = optionalField(form, 'format');
    const parsedFormat = format ? formatSchema.safeParse(format) : null;
    if (parsedFormat && !parsedFormat.success) throw badRequest(parsedFormat.error.issues[0].message, 'format');
    return {
      bytes: new Uint8Array(await file.arrayBuffer()),
      format: parsedFormat?.data,
      title: optionalField(form, 'title'),
      slug: optionalField(form, 'slug'),
      sourceName: file.name || undefined,
    };
  }
  if (/^application\/json/i.test(type)) {
    const body = await readJson(req, jsonUploadSchema, MAX_UPLOAD_BYTES + 64 * 1024);
    return {
      bytes: new TextEncoder().encode(body.text),
      format: body.format,
      title: body.title,
      slug: body.slug,
      sourceName: body.sourceName,
    };
  }
  throw new ApiError(
    'unsupported_media_type',
    'Upload a thread as multipart/form-data (field "file") or as JSON {title, format, text}.',
  );
}
