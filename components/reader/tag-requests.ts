import type { TagDraft } from '@/components/claims/tag-box';
import { describeSpan } from '@/lib/anchoring/describe-span';
import { utf16ToCodePoint } from '@/lib/anchoring/code-points';
import type { ClaimView, TagView } from '@/lib/claims/types';
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

/** Creates the claim for the span when it is new (the same span is the same claim), then puts the tag. */
export async function saveTag(slug: string, span: PassageSpan, claim: ClaimView | undefined, userId: string, draft: TagDraft) {
  let claimId = claim?.id;
  if (!claimId) {
    const text = span.passage.textContent ?? '';
    const selector = describeSpan(text, utf16ToCodePoint(text, span.start), utf16ToCodePoint(text, span.end));
    const created = await send<{ claim: ClaimView }>(`/api/threads/${encodeURIComponent(slug)}/claims`, 'POST', {
      passageId: span.passage.dataset.passageId,
      ...selector,
    });
    if ('error' in created) return created;
    claimId = created.claim.id;
  }
  const mine = claim?.tags.find((t) => t.userId === userId);
  return send<{ claim: ClaimView; tag: TagView }>(`/api/claims/${claimId}/tag`, 'PUT', { ...draft, version: mine?.version });
}

export function removeTag(claimId: string, version: number) {
  return send<{ tag: TagView }>(`/api/claims/${claimId}/tag?version=${version}`, 'DELETE');
}
