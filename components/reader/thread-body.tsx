import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import type { ThreadModel } from '@/lib/server/threads/thread-model';
import { threadBodyHtml } from './thread-body-html';

/**
 * The deduplicated thread (see thread-body-html.ts): server-rendered HTML that React places but
 * never reconciles; the reader's client island reads it, and draws on it, through the DOM.
 */
export function ThreadBody({ model, highlights }: { model: ThreadModel; highlights: ClaimHighlight[] }) {
  return (
    <article
      className="thread-body font-serif text-[1.05rem] leading-relaxed"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: every text and attribute is escaped by thread-body-html.ts (tests/unit/reader)
      dangerouslySetInnerHTML={{ __html: threadBodyHtml(model, highlights) }}
    />
  );
}
