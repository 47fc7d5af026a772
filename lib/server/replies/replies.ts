import type { ReplyCreate } from '@/lib/replies/reply-schema';
import type { ReplyView } from '@/lib/replies/reply-view';
import { MAX_REPLY_LENGTH } from '@/lib/replies/reply-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { recordEvents } from '../events/publish';
import { assertClaimVisible } from '../groups/layer';
import { forbidden, notFound, payloadTooLarge, unprocessable } from '../http/errors';

const SELECT = {
  id: true,
  claimId: true,
  authorId: true,
  parentId: true,
  body: true,
  bodyHtml: true,
  createdAt: true,
  editedAt: true,
  author: { select: { name: true } },
} as const;

type Row = {
  id: string;
  claimId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  author: { name: string };
};

const view = (r: Row): ReplyView => ({
  id: r.id,
  claimId: r.claimId,
  authorId: r.authorId,
  authorName: r.author.name,
  parentId: r.parentId,
  body: r.body,
  bodyHtml: r.bodyHtml,
  createdAt: r.createdAt.toISOString(),
  editedAt: r.editedAt?.toISOString() ?? null,
});

function checkLength(body: string) {
  if (body.length > MAX_REPLY_LENGTH)
    throw payloadTooLarge(`The reply is ${body.length} characters; the limit is ${MAX_REPLY_LENGTH}.`, 'body');
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The reply's live event, on its claim's layer, recorded in the writer's transaction (delivered on commit). */
async function announce(
  tx: Tx,
  claim: { id: string; threadId: string; groupId: string | null },
  change: 'created' | 'edited' | 'deleted',
  reply: unknown,
) {
  const { text, values } = recordEvents(claim.threadId, [
    { type: 'reply', payload: { group: claim.groupId, claimId: claim.id, change, reply } },
  ]);
  await tx.$queryRawUnsafe(text, ...values);
}

/** A claim's live replies, oldest first (a deleted reply's answers stay, under their parent's id). */
export async function listReplies(claimId: string, user: SessionUser | null): Promise<ReplyView[]> {
  await assertClaimVisible(claimId, user);
  const rows = await db.reply.findMany({
    where: { claimId, deletedAt: null },
    select: SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(view);
}

/** A new reply by the caller, on a claim they can see; an answer to a reply names a top-level reply of the same claim. */
export async function createReply(claimId: string, user: SessionUser, input: ReplyCreate): Promise<ReplyView> {
  await assertClaimVisible(claimId, user);
  checkLength(input.body);
  const bodyHtml = renderNote(input.body);
  return db.$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.reply.findFirst({
        where: { id: input.parentId, claimId, deletedAt: null },
        select: { parentId: true },
      });
      if (!parent) throw unprocessable(`No reply ${input.parentId} on this claim to answer.`, 'parentId');
      if (parent.parentId !== null)
        throw unprocessable('Replies go one level deep: answer the top-level reply instead.', 'parentId');
    }
    const claim = await tx.claim.update({
      where: { id: claimId },
      data: { replyCount: { increment: 1 } },
      select: { id: true, threadId: true, groupId: true },
    });
    const reply = view(
      await tx.reply.create({
        data: { claimId, authorId: user.id, parentId: input.parentId ?? null, body: input.body, bodyHtml },
        select: SELECT,
      }),
    );
    await announce(tx, claim, 'created', reply);
    return reply;
  });
}

/** The caller's own live reply on a claim they can see; 404 otherwise, 403 when it is someone else's. */
async function ownReply(tx: Tx, id: string, user: SessionUser) {
  const reply = await tx.reply.findFirst({
    where: { id, deletedAt: null },
    select: {
      authorId: true,
      body: true,
      claimId: true,
      claim: { select: { id: true, threadId: true, groupId: true } },
    },
  });
  if (!reply) throw notFound(`No reply ${id}.`);
  await assertClaimVisible(reply.claimId, user).catch(() => {
    throw notFound(`No reply ${id}.`);
  });
  if (reply.authorId !== user.id) throw forbidden('This reply is someone else’s; only its author can change it.');
  return reply;
}

/** Edits the caller's reply; the body before is kept as a revision. */
export async function editReply(id: string, user: SessionUser, body: string): Promise<ReplyView> {
  checkLength(body);
  const bodyHtml = renderNote(body);
  return db.$transaction(async (tx) => {
    const before = await ownReply(tx, id, user);
    await tx.replyRevision.create({ data: { replyId: id, body: before.body } });
    const reply = view(
      await tx.reply.update({ where: { id }, data: { body, bodyHtml, editedAt: new Date() }, select: SELECT }),
    );
    await announce(tx, before.claim, 'edited', reply);
    return reply;
  });
}

/** Soft-deletes the caller's reply (kept, with its revisions); its claim counts one reply fewer. */
export async function deleteReply(id: string, user: SessionUser): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await ownReply(tx, id, user);
    await tx.reply.update({ where: { id }, data: { deletedAt: new Date() } });
    await tx.claim.update({ where: { id: before.claimId }, data: { replyCount: { decrement: 1 } } });
    await announce(tx, before.claim, 'deleted', { id, claimId: before.claimId });
  });
}
