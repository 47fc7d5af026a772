import type { BlockContent, ListItem, PhrasingContent } from 'mdast';
import { AXES } from '@/lib/claims/types';
import { confidence, count, score } from './format';
import { code, heading, item, joined, link as linkTo, list, paragraph, quote, strong, text } from './mdast-build';
import { noteNodes } from './note-nodes';
import type { SummaryClaim } from './summary-schema';
import { histogramBar, histogramWords } from './text-histogram';

/** "in context · 12 taggers · mean confidence 48 (median 50, sd 38)" and the like. */
function facts(entry: SummaryClaim): PhrasingContent[][] {
  const { taggers, confidence: c } = entry.aggregates;
  const parts: PhrasingContent[][] = [[linkTo(entry.claim.url, 'in context')], [text(count(taggers, 'tagger'))]];
  if (c.mean !== null && c.median !== null && c.stddev !== null) {
    parts.push([
      text(`mean confidence ${confidence(c.mean)} (median ${confidence(c.median)}, sd ${confidence(c.stddev)})`),
    ]);
  }
  if (entry.claim.orphan) parts.push([text('orphaned: its passage changed and the claim was not found in it again')]);
  return parts;
}

function flags(entry: SummaryClaim): string[] {
  const { crux, concreteStoryNeeded } = entry.aggregates;
  return [
    ...(crux ? [`marked a crux by ${crux}`] : []),
    ...(concreteStoryNeeded ? [`concrete story asked for by ${concreteStoryNeeded}`] : []),
  ];
}

function notes(entry: SummaryClaim, footnotePrefix: string): ListItem | null {
  const written = entry.tags.filter((tag) => tag.note.trim() !== '');
  if (written.length === 0) return null;
  const items = written.map((tag, i) => {
    const stance = [tag.confidence === null ? null : `confidence ${confidence(tag.confidence)}`, tag.axis]
      .filter(Boolean)
      .join(', ');
    return item(
      paragraph(strong(tag.userName), text(` (${stance}):`)),
      ...noteNodes(tag.note, `${footnotePrefix}-${i + 1}-`),
    );
  });
  return item(paragraph(text('Notes:')), list(items));
}

/** The replies on a claim, each under its author (an answer to a reply says so). */
function replies(entry: SummaryClaim, footnotePrefix: string): ListItem | null {
  if (!entry.replies?.length) return null;
  const items = entry.replies.map((reply, i) =>
    item(
      paragraph(strong(reply.authorName), text(reply.parentId ? ' (answering a reply):' : ':')),
      ...noteNodes(reply.body, `${footnotePrefix}-r${i + 1}-`),
    ),
  );
  return item(paragraph(text('Replies:')), list(items));
}

/** A crux: the claim quoted, where it is, how it was tagged, and what taggers wrote about it. */
export function cruxBlocks(entry: SummaryClaim, title: string, footnotePrefix: string): BlockContent[] {
  const { aggregates, scores } = entry;
  const histogram = aggregates.confidence.count
    ? [
        code(histogramBar(aggregates.confidence.histogram)),
        text(` (0 → 100 by tens: ${histogramWords(aggregates.confidence.histogram)})`),
      ]
    : [text('none given')];
  const axes = AXES.map((axis) => `${axis} ${aggregates.axes[axis]}`).join(', ');
  const details: ListItem[] = [
    item(paragraph(text('Confidences: '), ...histogram)),
    item(paragraph(text(`Axis: ${axes} (split ${score(scores.axisSplit)})`))),
    item(paragraph(text(`Flags: ${flags(entry).join('; ') || 'none'}`))),
  ];
  if (aggregates.labels.length) {
    details.push(
      item(paragraph(text(`Labels: ${aggregates.labels.map((l) => `${l.label} (${l.count})`).join(', ')}`))),
    );
  }
  const written = notes(entry, footnotePrefix);
  if (written) details.push(written);
  const answered = replies(entry, footnotePrefix);
  if (answered) details.push(answered);
  return [
    heading(3, title),
    quote(entry.claim.exact),
    paragraph(
      ...joined([
        ...facts(entry),
        [text(`spread ${score(scores.spread)}`)],
        [text(`crux score ${score(scores.cruxScore)}`)],
      ]),
    ),
    list(details),
  ];
}

/** A consensus claim: quoted, with where it is and how settled it is. */
export function consensusBlocks(entry: SummaryClaim, title: string): BlockContent[] {
  return [
    heading(3, title),
    quote(entry.claim.exact),
    paragraph(...joined([...facts(entry), [text(`consensus score ${score(entry.scores.consensusScore)}`)]])),
  ];
}
