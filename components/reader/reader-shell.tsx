'use client';

import dynamic from 'next/dynamic';
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
import { PanelLoading } from '@/components/claims/panel-loading';
import { draftFrom, type TagDraft } from '@/components/claims/tag-draft';
import { ShortcutsButton } from '@/components/ui/keyboard-shortcuts';
import { codePointToUtf16, utf16ToCodePoint } from '@/lib/anchoring/code-points';
import type * as CruxSteps from '@/lib/claims/crux-steps';
import { type HighlightFilter, NO_FILTER } from '@/lib/claims/highlight-filter';
import type { ClaimSummary, TagView } from '@/lib/claims/types';
import { withDisplayNames } from '@/lib/users/display-names';
import { offsetOf, passageElementOf, type PassageSpan, selectedSpan, sentenceAt } from './dom-text';
import { marksOf } from './highlighter';
import { NarrowReaderSheets } from './narrow-reader-sheets';
import { CandidateCard, LiveStatusLine, RevisionNotice } from './reader-status';
import { fullClaim, removeTag, restoreTag, saveTag } from './tag-requests';
import type { DeletedTag } from './undo-toast';
import { useHighlightDimming } from './use-highlight-dimming';
import { hoverOf, useHoverCard } from './use-hover-card';
import { useLiveHighlights } from './use-live-highlights';
import { useSentenceCursor } from './use-sentence-cursor';
import { useThreadClaims } from './use-thread-claims';
import { useTouchSelection } from './use-touch-selection';
import { useWideScreen } from './use-wide-screen';

// Loaded when first needed, not with the page: the page's script stays within its budget.
const TagBox = dynamic(() => import('@/components/claims/tag-box').then((m) => m.TagBox), { ssr: false });
/** The panel shows on every open thread: its script is asked for as this one runs, while the page is still being read. */
const panelScript = () => import('@/components/claims/claims-panel');
if (typeof window !== 'undefined') void panelScript();
const ClaimsPanel = dynamic(() => panelScript().then((m) => m.ClaimsPanel), {
  ssr: false,
  loading: () => <PanelLoading />,
});
const ClaimHoverCard = dynamic(() => import('./claim-hover-card').then((m) => m.ClaimHoverCard), { ssr: false });
const HighlightControls = dynamic(() => import('./highlight-controls').then((m) => m.HighlightControls), {
  ssr: false,
});
const Minimap = dynamic(() => import('./minimap').then((m) => m.Minimap), { ssr: false });
const UndoToast = dynamic(() => import('./undo-toast').then((m) => m.UndoToast), { ssr: false });

interface Props {
  slug: string;
  user: { id: string; name: string } | null;
  /** The layer shown and tagged on: a group's id, or null / absent for the public layer. */
  group?: string | null;
  children: ReactNode;
}

/**
 * The reader's interactive island around the server-rendered thread: select a span (with the mouse,
 * by touch, or word by word from the keyboard) or pick a sentence, tag it; everyone's tags stay
 * live in the panel. Wide screens keep the panel beside the text; narrow ones show the tag box as
 * a bottom sheet and open the panel as a sheet from a button.
 */
export function ReaderShell({ slug, user, group = null, children }: Props) {
  const text = useRef<HTMLElement>(null);
  const wide = useWideScreen();
  const { claims, ready, status, newRevision, upsertClaim, applyLocal } = useThreadClaims(slug, group);
  const { candidate, choose, onCursorKey } = useSentenceCursor(text);
  /** The span in the tag box, its claim if it has one, and the reader's own tag on it as stored (the note as written). */
  const [editing, setEditing] = useState<{ span: PassageSpan; claim?: ClaimSummary; mine?: TagView } | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focusedClaim, setFocusedClaim] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<DeletedTag | null>(null);
  const undoDone = useCallback(() => setDeleted(null), []);
  const [filter, setFilter] = useState<HighlightFilter>(NO_FILTER);
  /** Where the focus was when the tag box opened; it goes back there when the box closes. */
  const returnFocus = useRef<HTMLElement | null>(null);

  // A link to a claim (from search or the crux summary) scrolls to it and flashes it.
  useEffect(() => {
    const claimId = new URLSearchParams(window.location.search).get('claim');
    const mark = claimId ? marksOf(document, claimId)[0] : undefined;
    if (!claimId || !mark) return;
    setFocusedClaim(claimId);
    mark.scrollIntoView({ block: 'center' });
    for (const m of marksOf(document, claimId)) m.classList.add('flash');
  }, []);

  useLiveHighlights(text, claims);
  useHighlightDimming(text, claims, filter, user?.id ?? null);

  const { hover, setHover, handlers: hoverHandlers } = useHoverCard(text, candidate);

  // A claim chosen in the text is brought into view in the panel beside it.
  useEffect(() => {
    if (wide && focusedClaim) document.getElementById(`claim-${focusedClaim}`)?.scrollIntoView({ block: 'nearest' });
  }, [wide, focusedClaim]);

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
    async (span: PassageSpan | null) => {
      if (!span) return;
      if (!user) {
        window.location.href = `/signin?next=${encodeURIComponent(window.location.pathname)}`;
        return;
      }
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setPanelOpen(false);
      setError(null);
      const claim = claimAt(span);
      if (!claim?.tags.some((t) => t.userId === user.id)) {
        setEditing({ span, claim });
        return;
      }
      // The list holds notes rendered; the box edits the note as written, so a claim the reader tagged is fetched whole.
      const full = await fullClaim(claim.id);
      if ('error' in full) {
        setError(full.error);
        return;
      }
      upsertClaim(full.claim);
      setEditing({ span, claim: full.claim, mine: full.claim.tags.find((t) => t.userId === user.id) });
    },
    [user, claimAt, upsertClaim],
  );

  function closeTagBox() {
    setEditing(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    // Back where it was, unless that is gone or hidden (a button in the closed claims sheet): then the text.
    const target = back?.isConnected && back !== document.body && back.checkVisibility() ? back : text.current;
    target?.focus({ preventScroll: true });
  }

  useTouchSelection(text, choose);

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

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (editing) return;
    const key = onCursorKey(event);
    if (!key) return;
    event.preventDefault();
    if (key.kind === 'tag') void openTagBox(candidate);
    else if (key.kind === 'crux') goToCrux(key.step);
    else if (key.kind === 'clear') setHover(null);
  }

  /** `n` / `p` and their buttons: the next or previous crux in the crux page's order, chosen in the text with its card. */
  function goToCrux(step: 1 | -1) {
    const id = cruxSteps?.stepCrux(order, focusedClaim, step) ?? null;
    const claim = id ? claims.get(id) : undefined;
    const span = claim ? spanOfClaim(claim) : null;
    if (!id || !span) return;
    // On a narrow screen the buttons sit in the claims sheet, which would hide the crux: close it.
    setPanelOpen(false);
    setFocusedClaim(id);
    choose(span, { reveal: true });
    const mark = marksOf(span.passage, id)[0];
    if (mark) setHover(hoverOf(mark, [id]));
  }

  async function onSave(draft: TagDraft) {
    if (!editing || !user) return;
    setBusy(true);
    setError(null);
    const result = await saveTag(slug, editing.span, editing.claim, user.id, draft, group);
    setBusy(false);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    upsertClaim(result.claim);
    setFocusedClaim(result.claim.id);
    closeTagBox();
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
    setDeleted({ claimId: editing.claim.id, quote: editing.claim.exact });
    closeTagBox();
  }

  /** The skip link before the text: the fragment leads to the panel beside it; on a narrow screen it opens the sheet. */
  function skipToPanel(event: MouseEvent<HTMLAnchorElement>) {
    if (wide) return;
    event.preventDefault();
    setPanelOpen(true);
  }

  function backToText() {
    text.current?.focus({ preventScroll: true });
    if (candidate) choose(candidate, { reveal: true });
  }

  /** A claim's span in the text, from the panel. */
  function spanOfClaim(claim: ClaimSummary): PassageSpan | null {
    const passage = text.current?.querySelector<HTMLElement>(`[data-passage-id="${claim.passageId}"]`);
    if (!passage) return null;
    const value = passage.textContent ?? '';
    return { passage, start: codePointToUtf16(value, claim.start), end: codePointToUtf16(value, claim.end) };
  }

  const mineOnEditing = editing?.mine;
  // Names as shown: two taggers who share one carry the end of their id (lib/users/display-names).
  const list = useMemo(() => withDisplayNames([...claims.values()]), [claims]);
  const named = useMemo(() => new Map(list.map((claim) => [claim.id, claim])), [list]);
  // The crux ranking (the crux page's code) loads after the page: n / p and the count need it only then.
  const [cruxSteps, setCruxSteps] = useState<typeof CruxSteps | null>(null);
  useEffect(() => {
    void import('@/lib/claims/crux-steps').then((steps) => setCruxSteps(steps));
  }, []);
  const order = useMemo(() => cruxSteps?.cruxOrder(list) ?? [], [cruxSteps, list]);
  const taggers = useMemo(() => {
    const names = new Map(list.flatMap((claim) => claim.tags.map((tag) => [tag.userId, tag.userName] as const)));
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [list]);
  const cruxAt = focusedClaim && order.includes(focusedClaim) ? order.indexOf(focusedClaim) : null;
  const tagged = list.filter((claim) => !claim.orphan && claim.tags.length > 0).length;
  const quoteOf = (span: PassageSpan) => (span.passage.textContent ?? '').slice(span.start, span.end);

  const tagging = editing ? (
    <TagBox
      key={`${editing.span.passage.dataset.passageId}:${editing.span.start}:${editing.span.end}`}
      quote={quoteOf(editing.span)}
      initial={draftFrom(mineOnEditing)}
      editing={Boolean(mineOnEditing)}
      busy={busy}
      error={error}
      onSave={onSave}
      onCancel={closeTagBox}
      onDelete={mineOnEditing ? onDelete : undefined}
      className={wide ? undefined : 'p-1'}
    />
  ) : (
    <>
      {/* Opening the box on a claim the reader tagged failed (its tag could not be loaded). */}
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {candidate ? (
        <CandidateCard
          quote={quoteOf(candidate)}
          signedIn={Boolean(user)}
          onTag={() => void openTagBox(candidate)}
          onClear={() => choose(null)}
        />
      ) : wide ? (
        <p className="text-sm text-muted">
          Select text or click a sentence, then press t to tag it. <ShortcutsButton className="text-link" />
        </p>
      ) : null}
    </>
  );

  const panel = (
    <div id="claims-panel" tabIndex={-1} className="space-y-3 focus:outline-none">
      {wide && (
        <button type="button" onClick={backToText} className="sr-only text-sm text-link underline focus:not-sr-only">
          Back to the text
        </button>
      )}
      {ready && (
        <HighlightControls
          filter={filter}
          setFilter={setFilter}
          taggers={taggers}
          signedIn={Boolean(user)}
          cruxCount={order.length}
          cruxAt={cruxAt}
          onStepCrux={goToCrux}
        />
      )}
      <ClaimsPanel
        claims={list}
        userId={user?.id ?? null}
        focusedClaim={focusedClaim}
        loading={!ready}
        onFocusClaim={(claim) => {
          setFocusedClaim(claim.id);
          setPanelOpen(false);
          const span = spanOfClaim(claim);
          if (span) choose(span, { reveal: true });
        }}
        onEditClaim={(claim) => void openTagBox(spanOfClaim(claim))}
      />
    </div>
  );

  return (
    <div className="grid gap-8 max-lg:pb-28 lg:grid-cols-[minmax(0,1fr)_22rem]">
      {hover && <ClaimHoverCard claims={hover.ids.flatMap((id) => named.get(id) ?? [])} anchor={hover.rect} />}
      <p className="sr-only" aria-live="polite">
        {candidate && !editing ? `Selected: ${quoteOf(candidate)}` : ''}
      </p>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link; on a narrow screen its target is in a sheet that must open first */}
      <a
        href="#claims-panel"
        onClick={skipToPanel}
        className="sr-only focus:not-sr-only focus:w-fit focus:rounded focus:bg-surface focus:p-2 focus:text-link lg:col-span-2"
      >
        Skip to claims panel
      </a>
      <section
        ref={text}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the thread text is one keyboard stop; arrow keys move between its sentences and words
        tabIndex={0}
        aria-label="Thread text. Arrow keys move between sentences and words; Shift with ← or → extends the selection; t tags it; ? lists every shortcut."
        onMouseUp={onMouseUp}
        {...hoverHandlers}
        onKeyDown={onKeyDown}
        className="reader-text min-w-0 pl-10 focus:outline-none focus-visible:ring-2 focus-visible:ring-focus"
      >
        {children}
      </section>
      {wide && <Minimap text={text} />}
      {wide ? (
        <aside
          className="no-print space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-auto"
          aria-label="Claims"
        >
          <LiveStatusLine status={status} />
          {newRevision !== null && <RevisionNotice revision={newRevision} />}
          {tagging}
          {panel}
        </aside>
      ) : (
        <NarrowReaderSheets
          tagging={tagging}
          panel={panel}
          status={status}
          newRevision={newRevision}
          editing={Boolean(editing)}
          chosen={Boolean(candidate)}
          tagged={ready ? tagged : null}
          panelOpen={panelOpen}
          setPanelOpen={setPanelOpen}
        />
      )}
      <UndoToast
        deleted={deleted}
        restore={restoreTag}
        onDone={undoDone}
        onRestored={(claimId, tag) => user && applyLocal({ claimId, userId: user.id, deleted: false, tag })}
      />
    </div>
  );
}
