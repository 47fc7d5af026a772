import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rankCruxes } from '@/lib/cruxes';
import { type CruxSummaryInput, cruxSummarySchema, toJson, toMarkdown } from '@/lib/export';
import { confidences, makeClaim } from '../cruxes/make-claims';

const note =
  '## Why I doubt it\n\nSee [the paper][p] <img src=x onerror=alert(1)> and [this](javascript:alert(1)).[^1]\n\n[p]: https://arxiv.org/abs/1906.01820\n\n[^1]: Section 4.';
const claims = [
  makeClaim(
    'split',
    [
      ...confidences(9, [10, 90], { axis: 'inner', crux: true, labels: ['deception'] }),
      { user: 'nora', confidence: 5, axis: 'inner', story: true, note },
    ],
    {
      passageOrdinal: 3,
      exact: 'SGD will find *deceptive* models | first.',
    },
  ),
  makeClaim('outer', confidences(6, [20, 80], { axis: 'outer' }), { passageOrdinal: 1, orphan: true }),
  makeClaim('settled', confidences(8, [95], { axis: 'outer' }), { passageOrdinal: 0 }),
];
const input: CruxSummaryInput = {
  ranking: rankCruxes(claims, { minTaggers: 3 }),
  thread: { slug: 'mesa-optimizers', title: 'Risks from learned optimization' },
  generatedAt: '2025-03-04T10:00:00.000Z',
  baseUrl: 'https://cr.example.org',
};

function all(node: Nodes, type: string): Nodes[] {
  const own = node.type === type ? [node] : [];
  return 'children' in node ? [...own, ...node.children.flatMap((child) => all(child, type))] : own;
}
const textOf = (node: Nodes): string =>
  'value' in node ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

describe('toJson', () => {
  const json = toJson(input);
  const document = JSON.parse(json);

  it('writes schema version 1, valid against the exported zod schema', () => {
    expect(document.schemaVersion).toBe(2);
    expect(cruxSummarySchema.parse(document)).toEqual(document);
  });

  it('carries the ranking, the method constants and the grid', () => {
    expect(document.cruxes.map((c: { claim: { id: string } }) => c.claim.id)).toEqual(['split', 'outer']);
    expect(document.consensus.map((c: { claim: { id: string } }) => c.claim.id)).toEqual(['settled']);
    expect(document.method).toMatchObject({
      priorTaggers: 4,
      cruxWeights: { disagreement: 0.5 },
      sideThresholds: { agree: 60, disagree: 40 },
    });
    expect(document.cruxes[0].claim.url).toBe('https://cr.example.org/threads/mesa-optimizers?claim=split#p-4');
    expect(document.grid.rows).toHaveLength(2);
    expect(document.thread.url).toBe('https://cr.example.org/threads/mesa-optimizers');
  });

  it('is the same text for the same input', () => {
    expect(toJson(input)).toBe(json);
  });
});

describe('toMarkdown', () => {
  const markdown = toMarkdown(input);
  const tree = unified().use(remarkParse).parse(markdown);

  it('has a title, the date, the method and a section per axis, then consensus and the grid', () => {
    const headings = all(tree, 'heading').map((h) => [(h as { depth: number }).depth, textOf(h)]);
    expect(headings).toEqual([
      [1, 'Cruxes of “Risks from learned optimization”'],
      [2, 'Outer alignment'],
      [3, '#2 · ¶2'],
      [2, 'Inner alignment'],
      [3, '#1 · ¶4'],
      [2, 'Consensus'],
      [3, '#1 · ¶1'],
      [2, 'Who stands where'],
    ]);
    expect(markdown).toContain('Generated 2025-03-04 10:00 UTC.');
    expect(markdown).toContain('shrunk by n/(n + 4)');
  });

  it('quotes each claim verbatim in a blockquote, Markdown characters escaped', () => {
    const quotes = all(tree, 'blockquote').map(textOf);
    expect(quotes).toContain('SGD will find *deceptive* models | first.');
  });

  it('links each claim in context and shows its numbers, histogram and flags', () => {
    const links = all(tree, 'link').map((l) => (l as { url: string }).url);
    expect(links).toContain('https://cr.example.org/threads/mesa-optimizers?claim=split#p-4');
    expect(markdown).toContain('10 taggers');
    expect(markdown).toContain('`▂█·······▇` (0 → 100 by tens: 1 at 0–9, 5 at 10–19, 4 at 90–100)');
    expect(markdown).toContain('Flags: marked a crux by 9; concrete story asked for by 1');
    expect(markdown).toContain('Labels: deception (9)');
    expect(markdown).toContain('orphaned');
  });

  it('nests notes as Markdown, with no raw HTML, no unsafe links and no stray headings', () => {
    expect(all(tree, 'html')).toEqual([]);
    expect(markdown).toContain('**Why I doubt it**');
    expect(markdown).toContain('[the paper](https://arxiv.org/abs/1906.01820)');
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)>');
    expect(markdown).toContain('[^c1-1-1]: Section 4.');
  });

  it('says so when there is nothing to show', () => {
    const empty = toMarkdown({ ...input, ranking: rankCruxes([]), thread: null });
    expect(empty).toContain('# Cruxes across threads');
    expect(empty).toContain('No claim has enough taggers who disagree yet.');
  });

  it('is the same text for the same input', () => {
    expect(toMarkdown(input)).toBe(markdown);
  });
});
