import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import type { OccurrenceModel, PassageModel } from '@/lib/server/threads/thread-model';
import { PassageText } from './passage-text';

interface Props {
  occurrence: OccurrenceModel;
  passages: Map<string, PassageModel>;
  claimsByPassage: Map<string, ClaimHighlight[]>;
}

const paragraphNumber = (passage: PassageModel) => passage.ordinal + 1;

export function OccurrencePiece({ occurrence, passages, claimsByPassage }: Props) {
  if (occurrence.kind === 'blank') return null;
  if (occurrence.kind === 'original' && occurrence.passageId) {
    const passage = passages.get(occurrence.passageId);
    if (!passage) return null;
    const repliesTo = occurrence.replyToPassageId ? passages.get(occurrence.replyToPassageId) : undefined;
    return (
      <div id={`p-${paragraphNumber(passage)}`} className="passage" tabIndex={-1}>
        <a href={`#p-${paragraphNumber(passage)}`} className="passage-number" aria-label={`Paragraph ${paragraphNumber(passage)}`}>
          ¶{paragraphNumber(passage)}
        </a>
        {repliesTo && (
          <a href={`#p-${paragraphNumber(repliesTo)}`} className="reply-link">
            ↩ replies to ¶{paragraphNumber(repliesTo)}
          </a>
        )}
        {passage.author && <span className="passage-author">{passage.author}</span>}
        {passage.inReplyTo && (
          <a href={`#p-${passage.inReplyTo.ordinal + 1}`} className="reply-link">
            ↪ in reply to {passage.inReplyTo.author ?? 'a comment'} at ¶{passage.inReplyTo.ordinal + 1}
          </a>
        )}
        <PassageText
          id={passage.id}
          ordinal={passage.ordinal}
          text={passage.text}
          sentences={passage.sentences}
          claims={claimsByPassage.get(passage.id) ?? []}
        />
        {passage.quotedAt.length > 0 && (
          <span className="quoted-badge">
            quoted {passage.quotedAt.length}×{' '}
            {passage.quotedAt.slice(0, 8).map((position, index) => (
              <a key={position} href={`#o-${position}`} aria-label={`Quote ${index + 1} of ¶${paragraphNumber(passage)}`}>
                {index + 1}
              </a>
            ))}
          </span>
        )}
      </div>
    );
  }
  const source = occurrence.sourcePassageId ? passages.get(occurrence.sourcePassageId) : undefined;
  const label = occurrence.kind === 'exact' ? 'quotes' : occurrence.kind === 'elided' ? 'quotes parts of' : 'quotes from';
  return (
    <details id={`o-${occurrence.position}`} className="quote-chip" data-kind={occurrence.kind}>
      <summary>
        {label} {source ? `¶${paragraphNumber(source)}` : 'an earlier passage'} <span aria-hidden="true">›</span>
      </summary>
      <blockquote>{occurrence.text}</blockquote>
      {source && <a href={`#p-${paragraphNumber(source)}`}>Go to ¶{paragraphNumber(source)}</a>}
    </details>
  );
}
