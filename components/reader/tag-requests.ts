import type { TagDraft } from '@/components/claims/tag-draft';
import { describeSpan } from '@/lib/anchoring/describe-span';
import { utf16ToCodePoint } from '@/lib/anchoring/code-points';
import type { ClaimSummary, ClaimView, TagView } from '@/lib/claims/types';
import type { PassageSpan } from './dom-text';

type Failure = { error: string };

async function send<T>(url: string, method: string, body?: unknown): Promise<T | Failure> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) return { error: data?.error?.message ?? `The server answered ${response.status}.` };
    return data as T;
  } catch {
    return { error: 'Could not reach the server; check your connection and try again.' };
  }
}

/**
 * Creates the claim for the span when it is new (the same span is the same claim), then puts the
 * tag; answers the claim as it now stands, with the caller's tag in it.
 */
export async function saveTag(
  slug: string,
  span: PassageSpan,
  claim: ClaimSummary | undefined,
  userId: string,
  draft: TagDraft,
  group: string | null = null,
): Promise<{ claim: ClaimSummary } | Failure> {
  let target: ClaimSummary | undefined = claim;
  if (!target) {
    const text = span.passage.textContent ?? '';
    const selector = describeSpan(text, utf16ToCodePoint(text, span.start), utf16ToCodePoint(text, span.end));
    const created = await send<{ claim: ClaimView }>(`/api/threads/${encodeURIComponent(slug)}/claims`, 'POST', {
      passageId: span.passage.dataset.passageId,
      ...selector,
      ...(group ? { group } : {}),
    });
    if ('error' in created) return created;
    target = created.claim;
  }
  const mine = target.tags.find((t) => t.userId === userId);
  const saved = await send<{ tag: TagView }>(`/api/claims/${target.id}/tag`, 'PUT', {
    ...draft,
    version: mine?.version,
  });
  if ('error' in saved) return saved;
  return { claim: { ...target, tags: [...target.tags.filter((t) => t.userId !== userId), saved.tag] } };
}

export function removeTag(claimId: string, version: number) {
  return send<{ tag: TagView }>(`/api/claims/${claimId}/tag?version=${version}`, 'DELETE');
}

export function restoreTag(claimId: string) {
  return send<{ tag: TagView }>(`/api/claims/${claimId}/tag/restore`, 'POST');
}

/** One claim in full: its tags' notes as written, for the tag box to edit. */
export async function fullClaim(claimId: string): Promise<{ claim: ClaimView } | Failure> {
  const answer = await send<{ claim: ClaimView }>(`/api/claims/${claimId}`, 'GET');
  return 'error' in answer ? { error: `Could not load the claim: ${answer.error}` } : answer;
}
