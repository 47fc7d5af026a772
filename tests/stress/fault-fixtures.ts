import { insertUsers } from '../../bench/lib/generate-claims';
import { uuidv7 } from '@/lib/server/db/uuid';
import pg from 'pg';

/** A thread with `claims` claims (one per passage) and `writers` users, straight into the database. */
export async function seedWriteTargets(url: string, writers: number, claims: number) {
  const users = await insertUsers(url, writers, 'Fault writer');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const thread = uuidv7();
  const revision = uuidv7();
  await client.query(
    `INSERT INTO "Thread" ("id", "slug", "title", "updatedAt") VALUES ($1, 'fault-thread', 'Fault thread', now())`,
    [thread],
  );
  await client.query(
    `INSERT INTO "ThreadRevision" ("id", "threadId", "number", "contentHash", "format", "byteLength", "lineCount", "passageCount", "repeatCount") VALUES ($1, $2, 1, 'fault', 'text', 1, $3, $3, 0)`,
    [revision, thread, claims],
  );
  await client.query(`UPDATE "Thread" SET "currentRevisionId" = $1 WHERE "id" = $2`, [revision, thread]);
  const passageIds = Array.from({ length: claims }, () => uuidv7());
  const claimIds = Array.from({ length: claims }, () => uuidv7());
  await client.query(
    `INSERT INTO "Passage" ("id", "revisionId", "ordinal", "line", "text", "sentences")
     SELECT id, $2, ord, ord + 1, 'Passage ' || ord || ' under fault.', '[]'::jsonb FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, ord)`,
    [passageIds, revision],
  );
  await client.query(
    `INSERT INTO "Claim" ("id", "threadId", "passageId", "start", "end", "exact", "prefix", "suffix", "updatedAt")
     SELECT c.id, $3, p.id, 0, 7, 'Passage', '', '', now() FROM unnest($1::uuid[], $2::uuid[]) AS x(cid, pid)
     JOIN LATERAL (SELECT x.cid AS id) c ON true JOIN LATERAL (SELECT x.pid AS id) p ON true`,
    [claimIds, passageIds, thread],
  );
  await client.end();
  return { users, claimIds };
}
