'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { REPLY_EVENT, type ReplyEventDetail } from '@/components/claims/claim-replies';
import type { ClaimView, TagView } from '@/lib/claims/types';

export interface TagEvent {
  claimId: string;
  userId: string;
  deleted: boolean;
  tag: TagView;
}

/** Applies one tag change to the claims, ignoring one older than what is shown (events may repeat). */
export function applyTagEvent(claims: Map<string, ClaimView>, event: TagEvent): Map<string, ClaimView> {
  const claim = claims.get(event.claimId);
  if (!claim) return claims;
  const current = claim.tags.find((t) => t.userId === event.userId);
  if (current && current.version >= event.tag.version) return claims;
  const others = claim.tags.filter((t) => t.userId !== event.userId);
  const next = new Map(claims);
  next.set(claim.id, { ...claim, tags: event.deleted ? others : [...others, event.tag] });
  return next;
}

type Status = 'connecting' | 'live' | 'reconnecting';

/**
 * The thread's claims with everyone's tags, kept live: the event stream is opened first, then the
 * claims are loaded, so no change falls between the two; reconnects resume from Last-Event-ID.
 */
export function useThreadClaims(slug: string, group: string | null = null) {
  // The layer's claims and events only: a group's stream never reaches the public reader, nor the reverse.
  const layer = group ? `?group=${encodeURIComponent(group)}` : '';
  const [claims, setClaims] = useState<Map<string, ClaimView>>(new Map());
  const [status, setStatus] = useState<Status>('connecting');
  /** Set when a newer version of the thread's text is stored while it is open. */
  const [newRevision, setNewRevision] = useState<number | null>(null);
  const loaded = useRef(false);
  /** False until the first list of claims arrives, so the panel can say it is loading rather than "0". */
  const [ready, setReady] = useState(false);

  const load = useCallback(async () => {
    const response = await fetch(`/api/threads/${encodeURIComponent(slug)}/claims${layer}`, {
      cache: 'no-store',
    });
    if (!response.ok) return;
    const { claims: list } = (await response.json()) as { claims: ClaimView[] };
    setClaims(new Map(list.map((c) => [c.id, c])));
    loaded.current = true;
    setReady(true);
  }, [slug, layer]);

  const fetchClaim = useCallback(async (claimId: string) => {
    const response = await fetch(`/api/claims/${claimId}`, { cache: 'no-store' });
    if (!response.ok) return;
    const { claim } = (await response.json()) as { claim: ClaimView };
    setClaims((current) => new Map(current).set(claim.id, claim));
  }, []);

  useEffect(() => {
    const source = new EventSource(`/api/threads/${encodeURIComponent(slug)}/events${layer}`);
    source.addEventListener('ready', () => {
      setStatus('live');
      if (!loaded.current) void load();
    });
    source.addEventListener('tag', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as TagEvent;
      setClaims((current) => {
        if (!current.has(event.claimId)) {
          void fetchClaim(event.claimId);
          return current;
        }
        return applyTagEvent(current, event);
      });
    });
    // A reply written, edited or deleted: the claim's count here, the list in any open replies section.
    source.addEventListener('reply', (message) => {
      const detail = JSON.parse((message as MessageEvent<string>).data) as ReplyEventDetail;
      setClaims((current) => {
        const claim = current.get(detail.claimId);
        if (!claim || detail.change === 'edited') return current;
        const replyCount = Math.max(0, (claim.replyCount ?? 0) + (detail.change === 'created' ? 1 : -1));
        return new Map(current).set(claim.id, { ...claim, replyCount });
      });
      window.dispatchEvent(new CustomEvent(REPLY_EVENT, { detail }));
    });
    // Many tags arrived at once (an annotation import): load them all again.
    source.addEventListener('import', () => void load());
    source.addEventListener('revision', (message) => {
      const { revision } = JSON.parse((message as MessageEvent<string>).data) as { revision: number };
      setNewRevision(revision);
    });
    source.onerror = () => setStatus('reconnecting');
    source.onopen = () => setStatus('live');
    return () => source.close();
  }, [slug, layer, load, fetchClaim]);

  const upsertClaim = useCallback(
    (claim: ClaimView) => setClaims((current) => new Map(current).set(claim.id, claim)),
    [],
  );
  const applyLocal = useCallback((event: TagEvent) => setClaims((current) => applyTagEvent(current, event)), []);

  return { claims, ready, status, newRevision, upsertClaim, applyLocal };
}
