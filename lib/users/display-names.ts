import type { ClaimSummary, ClaimView } from '@/lib/claims/types';

/** One person as shown: the account's id and the name it chose. */
export interface Person {
  id: string;
  name: string;
}

/** The tail of an id that tells two accounts apart: the last `length` letters and digits. */
function idTail(id: string, length: number): string {
  return id
    .replace(/[^0-9a-z]/gi, '')
    .slice(-length)
    .toLowerCase();
}

/**
 * The name to show for each account among `people`: its own name, or, when another account among
 * them has the same name (ignoring case and surrounding spaces), "name · c3f2" — the last four
 * letters or digits of its id, more if four do not tell them apart. Ids are stable and public (they
 * are in every profile link), so the same person keeps the same tail on every page and export.
 */
export function displayNames(people: Iterable<Person>): Map<string, string> {
  const byName = new Map<string, Map<string, string>>();
  for (const { id, name } of people) {
    const key = name.trim().toLowerCase();
    const ids = byName.get(key) ?? new Map<string, string>();
    ids.set(id, name);
    byName.set(key, ids);
  }
  const shown = new Map<string, string>();
  for (const ids of byName.values()) {
    if (ids.size === 1) {
      for (const [id, name] of ids) shown.set(id, name);
      continue;
    }
    let length = 4;
    const longest = Math.max(...[...ids.keys()].map((id) => idTail(id, Number.POSITIVE_INFINITY).length));
    while (length < longest && new Set([...ids.keys()].map((id) => idTail(id, length))).size < ids.size) length += 2;
    for (const [id, name] of ids) shown.set(id, `${name.trim()} · ${idTail(id, length) || id}`);
  }
  return shown;
}

/**
 * The claims with every tagger's and reply author's name as displayNames gives it among all the
 * claims' taggers and reply authors.
 */
export function withDisplayNames<C extends ClaimSummary & { replies?: ClaimView['replies'] }>(
  claims: readonly C[],
): C[] {
  const names = displayNames(
    claims.flatMap((claim) => [
      ...claim.tags.map((tag) => ({ id: tag.userId, name: tag.userName })),
      ...(claim.replies ?? []).map((reply) => ({ id: reply.authorId, name: reply.authorName })),
    ]),
  );
  return claims.map(
    (claim) =>
      ({
        ...claim,
        tags: claim.tags.map((tag) => ({ ...tag, userName: names.get(tag.userId) ?? tag.userName })),
        ...(claim.replies
          ? {
              replies: claim.replies.map((reply) => ({
                ...reply,
                authorName: names.get(reply.authorId) ?? reply.authorName,
              })),
            }
          : {}),
      }) as C,
  );
}
