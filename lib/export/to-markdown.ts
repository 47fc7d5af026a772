import type { BlockContent, Root, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { AXIS_GROUP_TITLES, AXIS_GROUPS, type Side } from '@/lib/cruxes';
import { count, timestamp } from './format';
import { paragraphLabel } from './links';
import { consensusBlocks, cruxBlocks } from './markdown-claims';
import { heading, paragraph, text } from './mdast-build';
import { type CruxSummaryInput, summarise } from './summarise';
import type { CruxSummary, SummaryClaim } from './summary-schema';

const stringifier = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', listItemIndent: 'one' });

const SIDE_MARKS: Record<Side, string> = { agree: '✓', disagree: '✗', unsure: '~', unrated: '·', untagged: '' };

/** The method in one paragraph, from the constants the scores were computed with. */
function methodNote(summary: CruxSummary): BlockContent {
  const { priorTaggers: k, cruxWeights: w, sideThresholds: t } = summary.method;
  return paragraph(
    text(
      `How to read this: a claim's disagreement is the spread of its taggers' confidences — 0 when all agree, ` +
        `1 when half say 0 and half say 100 — shrunk by n/(n + ${k}) so that a claim with few taggers cannot top the list. ` +
        `Crux score = ${w.disagreement} × disagreement + ${w.axisDisagreement} × split between outer and inner alignment + ` +
        `${w.cruxShare} × share who marked it a crux + ${w.storyShare} × share who asked for a concrete story (shares shrunk the same way). ` +
        `Cruxes are grouped by the axis most taggers chose; a claim some file under outer and others under inner is split between them. Consensus claims have many taggers agreeing, far from 50. ` +
        `Only claims with at least ${summary.filters.minTaggers} taggers count; a tagger agrees at ${t.agree} or more and disagrees at ${t.disagree} or less.`,
    ),
  );
}

function claimTitle(entry: SummaryClaim, summary: CruxSummary): string {
  const where = paragraphLabel(entry.claim.passageOrdinal);
  return `#${entry.rank} · ${summary.thread ? where : `${where} of “${entry.claim.threadTitle}”`}`;
}

function grid(summary: CruxSummary): BlockContent[] {
  const { taggers, rows } = summary.grid;
  if (rows.length === 0 || taggers.length === 0) return [];
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell) => ({ type: 'tableCell', children: cell ? [text(cell)] : [] })),
  });
  const table: Table = {
    type: 'table',
    align: [null, ...rows.map(() => 'center' as const)],
    children: [
      row(['Tagger', ...summary.cruxes.map((entry) => `#${entry.rank}`)]),
      ...taggers.map((tagger, column) => row([tagger.userName, ...rows.map((r) => SIDE_MARKS[r.sides[column]])])),
    ],
  };
  const { agree, disagree } = summary.method.sideThresholds;
  return [
    heading(2, 'Who stands where'),
    paragraph(
      text(
        `✓ agrees (${agree} or more), ✗ disagrees (${disagree} or less), ~ unsure, · tagged without a confidence, blank: not tagged.`,
      ),
    ),
    table,
  ];
}

function document(summary: CruxSummary): Root {
  const title = summary.thread ? `Cruxes of “${summary.thread.title}”` : 'Cruxes across threads';
  const group = summary.filters.taggers ? ` · tagger group of ${count(summary.filters.taggers.length, 'reader')}` : '';
  const blocks: BlockContent[] = [
    heading(1, title),
    paragraph(text(`Generated ${timestamp(summary.generatedAt)}${group}.`)),
    methodNote(summary),
  ];
  if (summary.cruxes.length === 0) blocks.push(paragraph(text('No claim has enough taggers who disagree yet.')));
  for (const axis of AXIS_GROUPS) {
    const cruxes = summary.cruxes.filter((entry) => entry.axis === axis);
    if (cruxes.length === 0) continue;
    blocks.push(heading(2, AXIS_GROUP_TITLES[axis]));
    for (const entry of cruxes) blocks.push(...cruxBlocks(entry, claimTitle(entry, summary), `c${entry.rank}`));
  }
  if (summary.consensus.length) {
    blocks.push(heading(2, 'Consensus'));
    for (const entry of summary.consensus) blocks.push(...consensusBlocks(entry, claimTitle(entry, summary)));
  }
  blocks.push(...grid(summary));
  return { type: 'root', children: blocks };
}

/** The crux summary as a Markdown document, built as an mdast tree and serialised by remark-stringify. */
export function toMarkdown(input: CruxSummaryInput): string {
  return stringifier.stringify(document(summarise(input)));
}
