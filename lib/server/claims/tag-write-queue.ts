import type { QueryResult } from 'pg';
import { inTwoTripTransaction, type Statement } from '../db/pg-pool';
import { uuidv7 } from '../db/uuid';
import { notFound } from '../http/errors';
import { aggregateSummary, claimColumns } from './claim-columns';
import {
  closeBatchStatements,
  type LockedClaim,
  type LockedTag,
  lockClaimsStatements,
  type Target,
  type Written,
} from './tag-batch-sql';
import { toTagView } from './tag-view';

/** A tag write as the API answers it. */
export type TagWriteResult = Written['result'];

/**
 * One write: its target, who does it, and what it makes of the claim once locked — the tag's next
 * state, or an ApiError thrown to refuse it (a stale version, someone else's tag).
 */
export interface TagWrite {
  target: Target;
  actorId: string;
  decide(claim: LockedClaim): LockedTag;
}

/** The tag's next state as written: the claim's aggregates recomputed with it, the answer and the event it makes. */
function writeTag(claim: LockedClaim, next: LockedTag, actorId: string): Written {
  const deleted = next.deletedAt !== null;
  const live = claim.tags.filter((t) => t.deletedAt === null && t.userId !== next.userId);
  if (!deleted) live.push(next);
  const columns = claimColumns(live);
  const now = new Date();
  const tag = { ...next, updatedAt: now };
  return {
    claim,
    tag,
    revision: { id: uuidv7(), deleted, byUserId: actorId, at: now },
    columns,
    result: { tag: toTagView(tag, next.userName), deleted, aggregates: aggregateSummary(columns) },
  };
}

type Outcome = { result: TagWriteResult } | { error: unknown };

/**
 * Decides every write of a batch against the claims as locked, in the order the writes arrived:
 * each sees the ones before it (several taggers on one claim in one batch), and a refused write
 * changes nothing. The accepted writes close the transaction together (closeBatchStatements).
 */
function decideAll(writes: TagWrite[], opened: QueryResult[]): { result: Outcome[]; close: Statement[] } {
  const claims = new Map<string, LockedClaim>();
  for (const row of opened[0].rows as { id: string; threadId: string; groupId: string | null }[])
    claims.set(row.id, { claimId: row.id, threadId: row.threadId, groupId: row.groupId, tags: [] });
  const claimOfTag = new Map<string, string>();
  for (const tag of opened[1].rows as LockedTag[]) {
    claims.get(tag.claimId)?.tags.push(tag);
    claimOfTag.set(tag.id, tag.claimId);
  }
  const written: Written[] = [];
  const outcomes = writes.map((write): Outcome => {
    const { target } = write;
    const claim = claims.get(('claimId' in target ? target.claimId : claimOfTag.get(target.tagId)) ?? '');
    if (!claim)
      return { error: notFound('claimId' in target ? `No claim ${target.claimId}.` : `No tag ${target.tagId}.`) };
    try {
      const done = writeTag(claim, write.decide(claim), write.actorId);
      const at = claim.tags.findIndex((t) => t.id === done.tag.id);
      if (at === -1) claim.tags.push(done.tag);
      else claim.tags[at] = done.tag;
      written.push(done);
      return { result: done.result };
    } catch (error) {
      return { error };
    }
  });
  return { result: outcomes, close: closeBatchStatements(written) };
}

/** The most writes one transaction takes. */
const MAX_BATCH = 100;

interface Queued extends TagWrite {
  resolve(result: TagWriteResult): void;
  reject(error: unknown): void;
}

/**
 * Transactions in flight at once. More than one, so that a batch waiting on a lock (a claim another
 * instance is writing) does not hold up every other write; few, so that writes still gather into
 * batches instead of waiting on each other's locks (figures in decision 019).
 */
const MAX_IN_FLIGHT = 2;

/**
 * Tag writes of this app instance, committed in batches: while transactions are in flight, the
 * writes that arrive wait, then go together in the next (up to MAX_BATCH). A commit waits for the
 * disk to flush the log, and a thread's writes queue behind each other on its event counter, so
 * one write per commit capped a thread at one commit's worth of writes per flush however many
 * taggers it had; a batch shares the flush and the counter's lock among all its writes. A write
 * that arrives when a transaction slot is free goes at once, so a lone write waits for nobody.
 */
class TagWriteQueue {
  private readonly queue: Queued[] = [];
  private inFlight = 0;

  submit(write: TagWrite): Promise<TagWriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...write, resolve, reject });
      this.startNext();
    });
  }

  private startNext() {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      this.inFlight++;
      void this.run(this.queue.splice(0, MAX_BATCH)).finally(() => {
        this.inFlight--;
        this.startNext();
      });
    }
  }

  private async run(batch: Queued[]) {
    try {
      const outcomes = await inTwoTripTransaction(lockClaimsStatements(batch.map((w) => w.target)), (opened) =>
        decideAll(batch, opened),
      );
      for (const [i, outcome] of outcomes.entries()) {
        if ('error' in outcome) batch[i].reject(outcome.error);
        else batch[i].resolve(outcome.result);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // The transaction failed as a whole (a statement Postgres refused, the connection lost):
      // each write again on its own, so that only the one at fault fails.
      for (const write of batch) await this.run([write]);
    }
  }
}

const globalForTags = globalThis as unknown as { cruxTagWrites?: TagWriteQueue };

/** This instance's tag write queue (process-wide: the pages' copy of this module and the API's share it). */
export function tagWrites(): TagWriteQueue {
  globalForTags.cruxTagWrites ??= new TagWriteQueue();
  return globalForTags.cruxTagWrites;
}
