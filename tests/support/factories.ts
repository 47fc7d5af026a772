import { randomUUID } from 'node:crypto';
import { db } from '@/lib/server/db/client';

let counter = 0;

export async function insertUser(overrides: { name?: string; email?: string; role?: 'USER' | 'ADMIN' } = {}) {
  counter++;
  return db.user.create({
    data: {
      name: overrides.name ?? `Reader ${counter}`,
      email: overrides.email ?? `reader-${counter}-${randomUUID().slice(0, 8)}@example.com`,
      role: overrides.role ?? 'USER',
    },
    select: { id: true, name: true, email: true, role: true },
  });
}

/**
 * A thread whose passages are the given paragraphs, one original occurrence each: enough for
 * claims and tags without going through ingest.
 */
export async function insertThread(paragraphs: string[], slug = `thread-${++counter}`) {
  const thread = await db.thread.create({ data: { slug, title: `Thread ${slug}` } });
  const revision = await db.threadRevision.create({
    data: {
      threadId: thread.id,
      number: 1,
      contentHash: randomUUID(),
      format: 'text',
      byteLength: paragraphs.join('\n').length,
      lineCount: paragraphs.length,
      passageCount: paragraphs.length,
      repeatCount: 0,
    },
  });
  const passages = [];
  for (const [ordinal, text] of paragraphs.entries()) {
    const passage = await db.passage.create({
      data: { revisionId: revision.id, ordinal, line: ordinal + 1, text, sentences: [[0, text.length]] },
    });
    await db.occurrence.create({
      data: {
        revisionId: revision.id,
        position: ordinal,
        paragraph: ordinal,
        line: ordinal + 1,
        kind: 'original',
        text,
        rawAfter: '\n',
        passageId: passage.id,
      },
    });
    passages.push(passage);
  }
  await db.thread.update({ where: { id: thread.id }, data: { currentRevisionId: revision.id } });
  return { thread: { ...thread, currentRevisionId: revision.id }, revision, passages };
}
