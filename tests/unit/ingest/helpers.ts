import { IngestError } from '@/lib/ingest/errors';

/** The IngestError the work throws (fails the test when it throws nothing, or something else). */
export function ingestError(work: () => unknown): IngestError {
  try {
    work();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}
