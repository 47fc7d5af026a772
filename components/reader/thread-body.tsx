import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import type { OccurrenceModel, PassageModel, ThreadModel } from '@/lib/server/threads/thread-model';
import { OccurrencePiece } from './occurrence-piece';

interface Line {
  paragraph: number;
  line: number;
  pieces: OccurrenceModel[];
}

function linesOf(occurrences: OccurrenceModel[]): Line[] {
  const lines: Line[] = [];
  for (const o of occurrences) {
    const last = lines.at(-1);
    if (last && last.paragraph === o.paragraph) last.pieces.push(o);
    else lines.push({ paragraph: o.paragraph, line: o.line, pieces: [o] });
  }
  return lines;
}

/**
 * The deduplicated thread: every source line in order, each unique passage once, each repeat a
 * compact chip, each long run of repeats (a whole-thread copy) one folded block.
 */
export function ThreadBody({ model, highlights }: { model: ThreadModel; highlights: ClaimHighlight[] }) {
  const passages = new Map<string, PassageModel>(model.passages.map((p) => [p.id, p]));
  const claimsByPassage = new Map<string, ClaimHighlight[]>();
  for (const claim of highlights) {
    const list = claimsByPassage.get(claim.passageId) ?? [];
    list.push(claim);
    claimsByPassage.set(claim.passageId, list);
  }
  const renderLines = (occurrences: OccurrenceModel[]) =>
    linesOf(occurrences).map((line) => (
      <div key={line.paragraph} id={`line-${line.line}`} className="source-line">
        {line.pieces.map((piece) => (
          <OccurrencePiece key={piece.position} occurrence={piece} passages={passages} claimsByPassage={claimsByPassage} />
        ))}
      </div>
    ));

  const parts: React.ReactNode[] = [];
  let cursor = 0;
  const { occurrences } = model;
  for (const block of model.blocks) {
    const start = occurrences.findIndex((o) => o.position === block.fromPosition);
    const end = occurrences.findIndex((o) => o.position === block.toPosition);
    if (start < cursor || end < start) continue;
    parts.push(...renderLines(occurrences.slice(cursor, start)));
    const inside = occurrences.slice(start, end + 1);
    parts.push(
      <details key={`block-${block.fromPosition}`} className="repeat-block" id={`line-${block.fromLine}`}>
        <summary>
          Repeated copy of lines {block.sourceFromLine}–{block.sourceToLine}{' '}
          <span className="text-stone-500">
            (lines {block.fromLine}–{block.toLine}, {inside.filter((o) => o.kind !== 'blank').length} pieces)
          </span>
        </summary>
        <div className="repeat-block-body">{renderLines(inside)}</div>
      </details>,
    );
    cursor = end + 1;
  }
  parts.push(...renderLines(occurrences.slice(cursor)));
  return <article className="thread-body font-serif text-[1.05rem] leading-relaxed">{parts}</article>;
}
