'use client';

import { useCallback, useEffect, useState } from 'react';
import { REPLY_EVENT, type ReplyEventDetail } from '@/components/claims/claim-replies';
import type { ClaimSummary, ClaimSummaryList, ClaimView } from '@/lib/claims/types';
import { applyTagEvent, claimSummaryUrl, claimsOfList, type TagEvent } from './claim-list';

export type { TagEvent } from './claim-list';

type Status = 'connecting' | 'live' | 'reconnecting';

/** How long to wait before asking again for a list that did not come (ms), doubling up to 30 s. */
const RETRY_MS = 1_000;

/**
 * The thread's claims with everyone's tags in summary, kept live: the compact list is asked for at
 * once, and the event stream opens after it with `since` the list's event number, so no change
 * falls between the two and none is applied twice; reconnects resume from Last-Event-ID.
 */
export function useThreadClaims(slug: string, group: string | null = null) {
  // The layer's claims and events only: a group's stream never reaches the public reader, nor the reverse.
  const layer = group ? `group=${encodeURIComponent(group)}` : '';
  const base = `/api/threads/${encodeURIComponent(slug)}`;
  const [claims, setClaims] = useState<Map<string, ClaimSummary>>(new Map());
  const [status, setStatus] = useState<Status>('connecting');
  /** Set when a newer version of the thread's text is stored while it is open. */
  const [newRevision, setNewRevision] = useState<number | null>(null);
  /** The event number of the first list: where the stream starts. Null until it has come. */
  const [since, setSince] = useState<number | null>(null);
  /** False until the first list of claims arrives, so the panel can say it is loading rather than "0". */
  const ready = since !== null;

  /**
   * The list; null when it could not be had (the server unavailable, the connection down). The
   * first ask takes the answer the page preloaded (a fetch that bypasses caches would not); any
   * later one goes to the server.
   */
  const load = useCallback(
    async (first = false): Promise<ClaimSummaryList | null> => {
      try {
        const response = await fetch(claimSummaryUrl(slug, group), first ? {} : { cache: 'no-store' });
        if (!response.ok) return null;
        const list = (await response.json()) as ClaimSummaryList;
        setClaims(claimsOfList(list));
        return list;
      } catch {
        return null;
      }
    },
    [slug, group],
  );

  // The list first, asked again until it comes.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (wait: number) => {
      const list = await load(wait === RETRY_MS);
      if (stopped) return;
      if (list) setSince(list.since);
      else timer = setTimeout(() => void attempt(Math.min(wait * 2, 30_000)), wait);
    };
    void attempt(RETRY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  const fetchClaim = useCallback(async (claimId: string) => {
    const response = await fetch(`/api/claims/${claimId}`, { cache: 'no-store' });
    if (!response.ok) return;
    const { claim } = (await response.json()) as { claim: ClaimView };
    setClaims((current) => new Map(current).set(claim.id, claim));
  }, []);

  // Then the stream, from the list's event number on.
  useEffect(() => {
    if (since === null) return;
    const query = [layer, `since=${since}`].filter(Boolean).join('&');
    const source = new EventSource(`${base}/events?${query}`);
    source.addEventListener('ready', () => setStatus('live'));
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
  }, [base, layer, since, load, fetchClaim]);

  const upsertClaim = useCallback(
    (claim: ClaimSummary) => setClaims((current) => new Map(current).set(claim.id, claim)),
    [],
  );
  const applyLocal = useCallback((event: TagEvent) => setClaims((current) => applyTagEvent(current, event)), []);

  return { claims, ready, status, newRevision, upsertClaim, applyLocal };
}
