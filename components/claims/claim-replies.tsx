'use client';

import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { apiCall } from '@/components/groups/api-call';
import type { ReplyView } from '@/lib/replies/reply-view';
import { displayNames } from '@/lib/users/display-names';

/** The window event the reader's live stream raises for each reply change (see useThreadClaims). */
export const REPLY_EVENT = 'crux-reply';

export interface ReplyEventDetail {
  claimId: string;
  change: 'created' | 'edited' | 'deleted';
  reply: ReplyView | { id: string; claimId: string };
}

/** Applies one live reply change to the list shown. */
function applied(list: ReplyView[], detail: ReplyEventDetail): ReplyView[] {
  const others = list.filter((r) => r.id !== detail.reply.id);
  if (detail.change === 'deleted') return others;
  return [...others, detail.reply as ReplyView].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * A claim's replies, loaded when opened and kept live: read, write (one level deep), edit or delete
 * one's own. Bodies are Markdown, shown as the sanitised HTML the server rendered.
 */
export function ClaimReplies({ claimId, count, userId }: { claimId: string; count: number; userId: string | null }) {
  const [open, setOpen] = useState(false);
  const [replies, setReplies] = useState<ReplyView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReplies((await apiCall<{ replies: ReplyView[] }>(`/api/claims/${claimId}/replies`, 'GET')).replies);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [claimId]);

  useEffect(() => {
    if (open && replies === null) void load();
  }, [open, replies, load]);

  useEffect(() => {
    const onReply = (event: Event) => {
      const detail = (event as CustomEvent<ReplyEventDetail>).detail;
      if (detail.claimId === claimId) setReplies((list) => (list ? applied(list, detail) : list));
    };
    window.addEventListener(REPLY_EVENT, onReply);
    return () => window.removeEventListener(REPLY_EVENT, onReply);
  }, [claimId]);

  const run = async (what: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await what();
      return true;
    } catch (error) {
      setProblem((error as Error).message);
      return false;
    }
  };

  const submit = (parentId: string | null) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get('body') ?? '');
    const ok = await run(async () => {
      const { reply } = await apiCall<{ reply: ReplyView }>(`/api/claims/${claimId}/replies`, 'POST', {
        body,
        parentId,
      });
      setReplies((list) => applied(list ?? [], { claimId, change: 'created', reply }));
    });
    if (ok) form.reset();
  };

  const saveEdit = (id: string) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = String(new FormData(event.currentTarget).get('body') ?? '');
    const ok = await run(async () => {
      const { reply } = await apiCall<{ reply: ReplyView }>(`/api/replies/${id}`, 'PATCH', { body });
      setReplies((list) => applied(list ?? [], { claimId, change: 'edited', reply }));
    });
    if (ok) setEditing(null);
  };

  // Two authors who share a name are told apart ("carol · c3f2"), as taggers are.
  const names = useMemo(
    () => displayNames((replies ?? []).map((r) => ({ id: r.authorId, name: r.authorName }))),
    [replies],
  );
  const nameOf = (reply: ReplyView) => names.get(reply.authorId) ?? reply.authorName;
  const shown = replies?.length ?? count;
  const tops = (replies ?? []).filter((r) => r.parentId === null);
  const answers = (id: string) => (replies ?? []).filter((r) => r.parentId === id);
  const one = (reply: ReplyView) => (
    <div className="text-xs" data-testid="reply">
      <span className="font-semibold">{nameOf(reply)}</span>
      {reply.editedAt && <span className="text-muted"> (edited)</span>}
      {editing === reply.id ? (
        <form onSubmit={saveEdit(reply.id)} className="mt-1 space-y-1">
          <textarea
            name="body"
            defaultValue={reply.body}
            aria-label="Edit your reply"
            className="w-full rounded border border-line-strong bg-surface p-1"
          />
          <button type="submit" className="min-h-6 text-link underline">
            Save reply
          </button>
        </form>
      ) : (
        // The server renders replies through the sanitiser in lib/markdown, as it does notes.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderNote on the server
        <div className="note mt-0.5 text-ink-soft" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
      )}
      {userId === reply.authorId && editing !== reply.id && (
        <span className="flex gap-3">
          <button type="button" className="min-h-6 text-link underline" onClick={() => setEditing(reply.id)}>
            Edit
          </button>
          <button
            type="button"
            className="min-h-6 text-link underline"
            onClick={() =>
              run(async () => {
                await apiCall(`/api/replies/${reply.id}`, 'DELETE');
                setReplies((list) => applied(list ?? [], { claimId, change: 'deleted', reply }));
              })
            }
          >
            Delete
          </button>
        </span>
      )}
    </div>
  );
  const writer = (parentId: string | null, label: string) =>
    userId && (
      <form onSubmit={submit(parentId)} className="mt-1 space-y-1">
        <textarea
          name="body"
          required
          aria-label={label}
          className="w-full rounded border border-line-strong bg-surface p-1 text-xs"
        />
        <button type="submit" className="min-h-6 text-xs text-link underline">
          {parentId ? 'Answer' : 'Reply'}
        </button>
      </form>
    );

  return (
    <details className="mt-1 border-t border-line pt-1" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="min-h-6 text-xs text-link">Replies ({shown})</summary>
      {problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
      <ul className="space-y-2">
        {tops.map((reply) => (
          <li key={reply.id}>
            {one(reply)}
            <ul className="ml-3 mt-1 space-y-1 border-l border-line pl-2">
              {answers(reply.id).map((answer) => (
                <li key={answer.id}>{one(answer)}</li>
              ))}
            </ul>
            {writer(reply.id, `Answer ${nameOf(reply)}`)}
          </li>
        ))}
      </ul>
      {writer(null, 'Write a reply')}
    </details>
  );
}
