import { describeSpan } from '@/lib/anchoring/describe-span';
import { codePointLength } from '@/lib/anchoring/code-points';
import type { TagInput } from '@/lib/claims/tag-schema';
import { createClaim } from '@/lib/server/claims/create-claim';
import { putTag } from '@/lib/server/claims/put-tag';

type User = { id: string; name: string; role?: 'USER' | 'ADMIN' };

/** Tags a whole passage as one claim (through the same code the API uses), on a group's layer if given. */
export async function tagPassage(
  slug: string,
  passage: { id: string; text: string },
  user: User,
  tag: Partial<TagInput> & { axis: TagInput['axis'] },
  group: string | null = null,
) {
  const selector = describeSpan(passage.text, 0, codePointLength(passage.text));
  const { claim } = await createClaim(
    slug,
    { role: 'USER', ...user },
    { passageId: passage.id, ...selector, ...(group ? { group } : {}) },
  );
  const mine = claim.tags.find((t) => t.userId === user.id);
  await putTag(
    claim.id,
    { role: 'USER', ...user },
    {
      confidence: null,
      concreteStoryNeeded: false,
      crux: false,
      note: '',
      labels: [],
      ...tag,
      version: mine?.version,
    },
  );
  return claim;
}
