'use client';

import {
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ClaimsPanel } from '@/components/claims/claims-panel';
import { draftFrom, TagBox, type TagDraft } from '@/components/claims/tag-box';
import { codePointToUtf16, utf16ToCodePoint } from '@/lib/anchoring/code-points';
import type { ClaimView } from '@/lib/claims/types';
import {
  offsetOf,
  PASSAGE_SELECTOR,
  passageElementOf,
  type PassageSpan,
  rangeOf,
  selectedSpan,
  sentenceAt,
  sentencesOf,
} from './dom-text';
import { claimStyle } from './claim-style';
import { highlightClaim, marksOf, unhighlightClaim } from './highlighter';
import { saveTag, removeTag } from './tag-requests';
import { useThreadClaims } from './use-thread-claims';

interface Props {
  slug: string;
  user: { id: string; name: string } | null;
  children: ReactNode;
}

const CURSOR_HIGHLIGHT = 'sentence-cursor';

/**
 * The reader's interactive island around the server-rendered thread: select a span (or click or
 * arrow to a sentence), press t or the button, tag it; everyone's tags stay live in the panel.
 */
export function ReaderShell({ slug, user, children }: Props) {
  const text = useRef<HTMLElement>(null);
  const { claims, status, newRevision, upsertClaim, applyLocal } = useThreadClaims(slug);
  const [candidate, setCandidate] = useState<PassageSpan | null>(null);
  const [editing, setEditing] = useState<{ span: PassageSpan; claim?: ClaimView } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focusedClaim, setFocusedClaim] = useState<string | null>(null);

  // A link to a claim (from search or the crux summary) scrolls to it and flashes it.
  useEffect(() => {
    const claimId = new URLSearchParams(window.location.search).get('claim');
    const mark = claimId ? marksOf(document, claimId)[0] : undefined;
    if (!claimId || !mark) return;
    setFocusedClaim(claimId);
    mark.scrollIntoView({ block: 'center' });
    for (const m of marksOf(document, claimId)) m.classList.add('flash');
  }, []);

  // Keep the highlights in step with the live claims.
  useEffect(() => {
    const root = text.current;
    if (!root) return;
    for (const claim of claims.values()) {
      if (claim.orphan) continue;
      if (claim.tags.length === 0) {
        unhighlightClaim(root, claim.id);
        continue;
      }
      const passage = root.querySelector<HTMLElement>(`[data-passage-id="${claim.passageId}"]`);
      if (!passage) continue;
      const value = passage.textContent ?? '';
      highlightClaim(
        passage,
        claim.id,
        codePointToUtf16(value, claim.start),
        codePointToUtf16(value, claim.end),
        claimStyle(claim),
      );
    }
  }, [claims]);

  const showCursor = useCallback((span: PassageSpan | null) => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry) return;
    if (!span) {
      registry.delete(CURSOR_HIGHLIGHT);
      return;
    }
    const range = rangeOf(span.passage, span.start, span.end);
    registry.set(CURSOR_HIGHLIGHT, new Highlight(range));
    const rect = range.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 40)
      window.scrollBy({ top: rect.top - window.innerHeight / 3 });
  }, []);

  const choose = useCallback(
    (span: PassageSpan | null) => {
      setCandidate(span);
      showCursor(span);
    },
    [showCursor],
  );

  const claimAt = useCallback(
    (span: PassageSpan) => {
      const value = span.passage.textContent ?? '';
      const start = utf16ToCodePoint(value, span.start);
      const end = utf16ToCodePoint(value, span.end);
      return [...claims.values()].find(
        (c) => c.passageId === span.passage.dataset.passageId && c.start === start && c.end === end,
      );
    },
    [claims],
  );

  const openTagBox = useCallback(
    (span: PassageSpan | null) => {
      if (!span) return;
      if (!user) {
        window.location.href = `/signin?next=${encodeURIComponent(window.location.pathname)}`;
        return;
      }
      setError(null);
      setEditing({ span, claim: claimAt(span) });
    },
    [user, claimAt],
  );

  function onMouseUp(event: MouseEvent<HTMLElement>) {
    const selected = selectedSpan(window.getSelection());
    if (selected) {
      choose(selected);
      return;
    }
    const target = event.target as HTMLElement;
    const mark = target.closest<HTMLElement>('mark.claim-mark');
    if (mark) setFocusedClaim((mark.dataset.claimIds ?? '').split(' ')[0] ?? null);
    const passage = passageElementOf(target);
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!passage || !caret || !passage.contains(caret.offsetNode)) return;
    const sentence = sentenceAt(passage, offsetOf(passage, caret.offsetNode, caret.offset));
    if (sentence) choose({ passage, ...sentence });
  }

  function moveCursor(step: 1 | -1) {
    const root = text.current;
    if (!root) return;
    const all = [...root.querySelectorAll<HTMLElement>(PASSAGE_SELECTOR)].filter((p) => p.offsetParent !== null);
    const sentences = all.flatMap((passage) => sentencesOf(passage).map((s) => ({ passage, ...s })));
    const index = candidate
      ? sentences.findIndex((s) => s.passage === candidate.passage && s.start >= candidate.start)
      : -1;
    const next = sentences[index === -1 ? (step === 1 ? 0 : sentences.length - 1) : index + step];
    if (next) choose(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (editing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowDown' || event.key === 'j') moveCursor(1);
    else if (event.key === 'ArrowUp' || event.key === 'k') moveCursor(-1);
    else if (event.key === 't') openTagBox(selectedSpan(window.getSelection()) ?? candidate);
    else if (event.key === 'Escape') choose(null);
    else return;
    event.preventDefault();
  }

  async function onSave(draft: TagDraft) {
    if (!editing || !user) return;
    setBusy(true);
    setError(null);
    const result = await saveTag(slug, editing.span, editing.claim, user.id, draft);
    setBusy(false);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    upsertClaim(result.claim);
    setEditing(null);
    setFocusedClaim(result.claim.id);
    text.current?.focus();
  }

  async function onDelete() {
    if (!editing?.claim || !user) return;
    const mine = editing.claim.tags.find((t) => t.userId === user.id);
    if (!mine) return;
    const result = await removeTag(editing.claim.id, mine.version);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    applyLocal({ claimId: editing.claim.id, userId: user.id, deleted: true, tag: result.tag });
    setEditing(null);
  }

  const mineOnEditing = editing?.claim?.tags.find((t) => t.userId === user?.id);
  const list = useMemo(() => [...claims.values()], [claims]);

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section
        ref={text}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the thread text is one keyboard stop; arrow keys move between its sentences
        tabIndex={0}
        aria-label="Thread text. Arrow keys move between sentences; t tags the sentence or selection."
        onMouseUp={onMouseUp}
        onKeyDown={onKeyDown}
        className="reader-text pl-10 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700"
      >
        {children}
      </section>
      <aside
        className="no-print space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-auto"
        aria-label="Claims"
      >
        <p className="text-xs text-stone-500" aria-live="polite">
          {status === 'live'
            ? 'Live: tags from everyone appear as they are made.'
            : status === 'reconnecting'
              ? 'Reconnecting…'
              : 'Connecting…'}
        </p>
        {newRevision !== null && (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            A newer version of this thread (revision {newRevision}) was just stored; claims have moved to it.{' '}
            <a href={window.location.pathname} className="font-medium underline">
              Reload to read it
            </a>
          </p>
        )}
        {editing ? (
          <TagBox
            key={`${editing.span.passage.dataset.passageId}:${editing.span.start}:${editing.span.end}`}
            quote={(editing.span.passage.textContent ?? '').slice(editing.span.start, editing.span.end)}
            initial={draftFrom(mineOnEditing)}
            editing={Boolean(mineOnEditing)}
            busy={busy}
            error={error}
            onSave={onSave}
            onCancel={() => {
              setEditing(null);
              text.current?.focus();
            }}
            onDelete={mineOnEditing ? onDelete : undefined}
          />
        ) : candidate ? (
          <div className="rounded border border-stone-300 bg-white p-3 text-sm">
            <p className="line-clamp-3 font-serif">
              “{(candidate.passage.textContent ?? '').slice(candidate.start, candidate.end)}”
            </p>
            <button
              type="button"
              onClick={() => openTagBox(candidate)}
              className="mt-2 rounded bg-stone-900 px-3 py-1 text-white"
            >
              {user ? 'Tag this (t)' : 'Sign in to tag'}
            </button>
          </div>
        ) : (
          <p className="text-sm text-stone-600">Select text or click a sentence, then press t to tag it.</p>
        )}
        <ClaimsPanel
          claims={list}
          userId={user?.id ?? null}
          focusedClaim={focusedClaim}
          onFocusClaim={(claim) => {
            setFocusedClaim(claim.id);
            const passage = text.current?.querySelector<HTMLElement>(`[data-passage-id="${claim.passageId}"]`);
            if (!passage) return;
            const value = passage.textContent ?? '';
            const span = {
              passage,
              start: codePointToUtf16(value, claim.start),
              end: codePointToUtf16(value, claim.end),
            };
            choose(span);
          }}
          onEditClaim={(claim) => {
            const passage = text.current?.querySelector<HTMLElement>(`[data-passage-id="${claim.passageId}"]`);
            if (!passage) return;
            const value = passage.textContent ?? '';
            openTagBox({
              passage,
              start: codePointToUtf16(value, claim.start),
              end: codePointToUtf16(value, claim.end),
            });
          }}
        />
      </aside>
    </div>
  );
}
