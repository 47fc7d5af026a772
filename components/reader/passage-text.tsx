import { codePointToUtf16 } from '@/lib/anchoring/code-points';
import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import { segmentPassage } from './segments';

/**
 * A passage's text, exactly (its textContent equals the stored text, which selection offsets rely
 * on), with every tagged claim drawn as a <mark>: colour by dominant axis, stronger with more taggers.
 */
interface Props {
  id: string;
  ordinal: number;
  text: string;
  sentences: { start: number; end: number }[];
  claims: ClaimHighlight[];
}

export function PassageText({ id, ordinal, text, sentences, claims }: Props) {
  return (
    <span
      data-passage-id={id}
      data-ordinal={ordinal}
      data-sentences={sentences.map((s) => `${s.start}-${s.end}`).join(' ')}
      className="passage-text"
    >
      {segmentPassage(text, claims, codePointToUtf16).map((segment) => {
        if (segment.claims.length === 0) return segment.text;
        const top = segment.claims.reduce((a, b) => (b.taggers > a.taggers ? b : a));
        const taggers = segment.claims.reduce((sum, c) => sum + c.taggers, 0);
        return (
          <mark
            key={segment.start}
            className="claim-mark"
            data-claim-ids={segment.claims.map((c) => c.id).join(' ')}
            data-axis={top.axis ?? 'other'}
            data-strength={Math.min(5, taggers)}
            data-crux={segment.claims.some((c) => c.crux) || undefined}
          >
            {segment.text}
          </mark>
        );
      })}
    </span>
  );
}
