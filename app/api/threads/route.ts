import { IngestError } from '@/lib/ingest/errors';
import { ApiError } from '@/lib/server/http/errors';
import { route } from '@/lib/server/http/route';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { listThreads } from '@/lib/server/threads/list-threads';
import { readUpload } from '@/lib/server/threads/upload';

export const GET = route(async () => ({ threads: await listThreads() }));

/** Bad input is reported with what is wrong and where (byte offset, JSON path); nothing is written. */
function ingestErrorToApi(error: IngestError): ApiError {
  const where = error.path ?? (error.offset !== undefined ? `byte ${error.offset}` : undefined);
  return new ApiError(error.code === 'too_large' ? 'payload_too_large' : 'unprocessable', error.message, where);
}

/** Upload a thread (signed in): 201 with the new revision, 200 when exactly this content is there already. */
export const POST = route({ auth: 'required' }, async ({ req, user }) => {
  const upload = await readUpload(req);
  try {
    const outcome = await ingestThread({ ...upload, createdById: user.id });
    return Response.json({ thread: outcome }, { status: outcome.created ? 201 : 200 });
  } catch (error) {
    if (error instanceof IngestError) throw ingestErrorToApi(error);
    throw error;
  }
});
