import { codePointToUtf16 } from '@/lib/anchoring/code-points';
import { markAttributes, markLook } from '@/lib/claims/highlight-look';
import { escapeHtml } from '@/lib/html/escape';
import { type MarkdownHeading, markdownHeading } from '@/lib/ingest/markdown-heading';
import type { QuoteEditKind } from '@/lib/dedup/types';
import type { ClaimHighlight } from '@/lib/server/claims/highlights';
import type { OccurrenceModel, PassageModel, ThreadModel } from '@/lib/server/threads/thread-model';
import { segmentPassage } from './segments';

/**
 * The deduplicated thread as HTML: every source line in order, each unique passage once with its
 * tagged claims drawn as <mark>s, each repeat a compact chip, each long run of repeats (a
 * whole-thread copy) one folded block. Written as a string, not as React elements: the thread is
 * the bulk of the reader page, never re-rendered by React (the client island reads and marks it
 * through the DOM), and as elements it cost React twice over — once in the HTML, once in the
 * page's RSC payload (decision 023).
 *
 * Every piece of text and every attribute value from the data goes through `escapeHtml`; nothing
 * else reaches the output unescaped.
 */
export function threadBodyHtml(model: ThreadModel, highlights: ClaimHighlight[]): string {
  const passages = new Map<string, PassageModel>(model.passages.map((p) => [p.id, p]));
  const claimsByPassage = new Map<string, ClaimHighlight[]>();
  for (const claim of highlights) {
    const list = claimsByPassage.get(claim.passageId);
    if (list) list.push(claim);
    else claimsByPassage.set(claim.passageId, [claim]);
  }
  const out = new Html();
  const markdown = model.revision.format === 'markdown';
  const renderLines = (occurrences: OccurrenceModel[]) => {
    let open = -1;
    for (const o of occurrences) {
      if (o.paragraph !== open) {
        if (open !== -1) out.add('</div>');
        out.add(`<div id="line-${o.line}" class="source-line">`);
        open = o.paragraph;
      }
      occurrencePiece(out, o, passages, claimsByPassage, markdown);
    }
    if (open !== -1) out.add('</div>');
  };

  let cursor = 0;
  const { occurrences } = model;
  const indexOf = new Map<number, number>(occurrences.map((o, i) => [o.position, i]));
  for (const block of model.blocks) {
    const start = indexOf.get(block.fromPosition) ?? -1;
    const end = indexOf.get(block.toPosition) ?? -1;
    if (start < cursor || end < start) continue;
    renderLines(occurrences.slice(cursor, start));
    const inside = occurrences.slice(start, end + 1);
    const pieces = inside.filter((o) => o.kind !== 'blank').length;
    // Its own id: the first line inside keeps "line-N", so links to a line still land on it.
    out.add(
      `<details class="repeat-block" id="repeat-${block.fromLine}"><summary>Repeated copy of ${sourceRange(block, occurrences, passages)} ` +
        `<span class="text-muted">(${pieces} pieces)</span></summary><div class="repeat-block-body">`,
    );
    renderLines(inside);
    out.add('</div></details>');
    cursor = end + 1;
  }
  renderLines(occurrences.slice(cursor));
  return out.html;
}

const paragraphNumber = (passage: PassageModel) => passage.ordinal + 1;

/**
 * What a folded block repeats, in the reader's one numbering: "¶4–¶9", the paragraphs first written
 * on those source lines (the source's line numbers only when those lines hold no paragraph of their own).
 */
function sourceRange(
  block: ThreadModel['blocks'][number],
  occurrences: OccurrenceModel[],
  passages: Map<string, PassageModel>,
): string {
  const numbers = occurrences
    .filter((o) => o.kind === 'original' && o.line >= block.sourceFromLine && o.line <= block.sourceToLine)
    .map((o) => passages.get(o.passageId ?? ''))
    .filter((passage) => passage !== undefined)
    .map(paragraphNumber);
  if (numbers.length === 0) return `lines ${block.sourceFromLine}–${block.sourceToLine}`;
  const [first, last] = [Math.min(...numbers), Math.max(...numbers)];
  return first === last ? `¶${first}` : `¶${first}–¶${last}`;
}

/** The first words of a quote, for its chip: enough to tell the folded quotes of a block apart. */
function firstWords(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')}…`;
}

/** How a quote's edits read in its chip's title: what the writer changed from the source. */
const EDIT_NAMES: Record<QuoteEditKind, string> = {
  substitution: 'words in brackets',
  sic: '[sic]',
  'emphasis-note': 'an emphasis note',
  emphasis: 'emphasis added',
  markup: 'formatting changed',
  case: 'a capital changed',
  punctuation: 'end punctuation changed',
  elision: 'words left out',
  typo: 'a typo',
  spelling: 'spelling changed',
};

const editNames = (occurrence: OccurrenceModel) =>
  [...new Set((occurrence.edits ?? []).map((edit) => EDIT_NAMES[edit.kind]))].join(', ');

/** " · 2 edits" after the chip's label, for a quote that is not word for word its source. */
function editCount(occurrence: OccurrenceModel): string {
  const count = occurrence.edits?.length ?? 0;
  if (count === 0) return '';
  return ` <span class="quote-edits" title="${escapeHtml(`Edited: ${editNames(occurrence)}`)}">· ${count} ${count === 1 ? 'edit' : 'edits'}</span>`;
}

/** Inside the opened chip: which edits were undone to match the quote with its source. */
function editList(occurrence: OccurrenceModel): string {
  if (!occurrence.edits?.length) return '';
  return `<span class="quote-edit-list">Edited from the source: ${escapeHtml(editNames(occurrence))}</span>`;
}

function occurrencePiece(
  out: Html,
  occurrence: OccurrenceModel,
  passages: Map<string, PassageModel>,
  claimsByPassage: Map<string, ClaimHighlight[]>,
  markdown: boolean,
) {
  if (occurrence.kind === 'blank') return;
  if (occurrence.kind === 'original' && occurrence.passageId) {
    const passage = passages.get(occurrence.passageId);
    if (!passage) return;
    const n = paragraphNumber(passage);
    out.add(
      `<div id="p-${n}" class="passage" tabindex="-1"><a href="#p-${n}" class="passage-number" aria-label="Paragraph ${n}">¶${n}</a>`,
    );
    const repliesTo = occurrence.replyToPassageId ? passages.get(occurrence.replyToPassageId) : undefined;
    if (repliesTo)
      out.add(
        `<a href="#p-${paragraphNumber(repliesTo)}" class="reply-link">↩ replies to ¶${paragraphNumber(repliesTo)}</a>`,
      );
    if (passage.author) out.add(`<span class="passage-author">${escapeHtml(passage.author)}</span>`);
    if (passage.inReplyTo) {
      const to = passage.inReplyTo.ordinal + 1;
      out.add(
        `<a href="#p-${to}" class="reply-link">↪ in reply to ${escapeHtml(passage.inReplyTo.author ?? 'a comment')} at ¶${to}</a>`,
      );
    }
    const heading = markdown ? markdownHeading(passage.text) : null;
    passageText(out, passage, claimsByPassage.get(passage.id) ?? [], heading);
    if (passage.quotedAt.length > 0) {
      out.add(`<span class="quoted-badge">quoted ${passage.quotedAt.length}× `);
      passage.quotedAt.slice(0, 8).forEach((position, index) => {
        out.add(`<a href="#o-${position}" aria-label="Quote ${index + 1} of ¶${n}">${index + 1}</a>`);
      });
      out.add('</span>');
    }
    out.add('</div>');
    return;
  }
  const source = occurrence.sourcePassageId ? passages.get(occurrence.sourcePassageId) : undefined;
  const label =
    occurrence.kind === 'exact' ? 'quotes' : occurrence.kind === 'elided' ? 'quotes parts of' : 'quotes from';
  out.add(
    `<details id="o-${occurrence.position}" class="quote-chip" data-kind="${escapeHtml(occurrence.kind)}"><summary>${label} ` +
      `${source ? `¶${paragraphNumber(source)}` : 'an earlier passage'}${editCount(occurrence)} ` +
      `<span class="quote-first-words">${escapeHtml(firstWords(occurrence.text))}</span> <span aria-hidden="true">›</span></summary>` +
      `<blockquote>${escapeHtml(occurrence.text)}</blockquote>${editList(occurrence)}`,
  );
  if (source) out.add(`<a href="#p-${paragraphNumber(source)}">Go to ¶${paragraphNumber(source)}</a>`);
  out.add('</details>');
}

/**
 * A passage's text, exactly (its textContent equals the stored text, which selection offsets rely
 * on), with every tagged claim drawn as a <mark>: tint by axis group, underline by axis mix, frames for
 * disputed claims, named for screen readers (markLook, shared with the browser's live highlights).
 */
function passageText(out: Html, passage: PassageModel, claims: ClaimHighlight[], heading: MarkdownHeading | null) {
  const sentences = passage.sentences.map((s) => `${s.start}-${s.end}`).join(' ');
  // A Markdown heading is a heading here too, one level below the page's title (the thread's h1).
  const role = heading ? ` role="heading" aria-level="${Math.min(6, heading.depth + 1)}"` : '';
  out.add(
    `<span data-passage-id="${escapeHtml(passage.id)}" data-ordinal="${passage.ordinal}" data-sentences="${sentences}" class="passage-text"${role}>`,
  );
  for (const segment of segmentPassage(passage.text, claims, codePointToUtf16)) {
    if (segment.claims.length === 0) {
      // The "## " stays in the text (offsets count it) but recedes, unless a claim covers it.
      const marker =
        segment.start === 0 && heading?.marker && segment.text.startsWith(heading.marker) ? heading.marker : '';
      if (marker) out.add(`<span class="heading-marker" aria-hidden="true">${escapeHtml(marker)}</span>`);
      out.add(escapeHtml(segment.text.slice(marker.length)));
      continue;
    }
    const attributes = Object.entries(markAttributes(markLook(segment.claims)))
      .flatMap(([name, value]) => (value === null ? [] : [` ${name}="${escapeHtml(value)}"`]))
      .join('');
    out.add(
      `<mark class="claim-mark" data-claim-ids="${escapeHtml(segment.claims.map((c) => c.id).join(' '))}"${attributes}>${escapeHtml(segment.text)}</mark>`,
    );
  }
  out.add('</span>');
}

/** The page's HTML as it grows (one string appended to: V8 joins the pieces once, when read). */
class Html {
  html = '';
  add(piece: string) {
    this.html += piece;
  }
}
