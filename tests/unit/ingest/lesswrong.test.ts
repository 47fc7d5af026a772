import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { parseThread } from '@/lib/ingest/parse-thread';
import { ingestError } from './helpers';

const POST = { _id: 'p1', title: 'A post', contents: { markdown: 'The post body.' }, user: { displayName: 'Author' } };
const COMMENTS = [
  {
    _id: 'c2',
    parentCommentId: 'c1',
    postedAt: '2024-01-02T00:00:00Z',
    user: { displayName: 'Bob' },
    contents: {
      html: '<blockquote><p>Reward learning works in practice.</p></blockquote><p>Not for <em>treacherous</em> turns.</p>',
    },
  },
  {
    _id: 'c1',
    parentCommentId: null,
    postedAt: '2024-01-01T00:00:00Z',
    user: { username: 'alice' },
    contents: { markdown: 'Reward learning works in practice.\n\nSecond paragraph here.' },
  },
  {
    _id: 'c3',
    parentCommentId: null,
    postedAt: '2024-01-03T00:00:00Z',
    user: { displayName: 'Carol' },
    contents: null,
  },
  { _id: 'c4', parentCommentId: 'c1', postedAt: '2024-01-04T00:00:00Z', htmlBody: '<p>A later reply.</p>' },
];
const graphql = (comments: unknown[] = COMMENTS, indent = 2) =>
  JSON.stringify({ data: { post: { result: POST }, comments: { results: comments } } }, null, indent);
const parse = (source: string) => parseThread(source, 'lesswrong-json');

describe('LessWrong / Alignment Forum JSON', () => {
  it('reads the post, then the comments with replies under their parent, keeping authors, times and ids', () => {
    const thread = parse(graphql());
    expect(thread.title).toBe('A post');
    expect(thread.paragraphs.map((p) => [p.author, p.commentId, p.parentCommentId, p.quoted, p.text])).toEqual([
      ['Author', 'p1', null, false, 'The post body.'],
      ['alice', 'c1', null, false, 'Reward learning works in practice.'],
      ['alice', 'c1', null, false, 'Second paragraph here.'],
      ['Bob', 'c2', 'c1', true, 'Reward learning works in practice.'],
      ['Bob', 'c2', 'c1', false, 'Not for treacherous turns.'],
      [undefined, 'c4', 'c1', false, 'A later reply.'],
    ]);
    expect(thread.paragraphs[3].postedAt).toBe('2024-01-02T00:00:00Z');
  });

  it('gives each paragraph the line of its text in the file', () => {
    const source = graphql();
    const lines = source.split('\n');
    for (const p of parse(source).paragraphs) expect(lines[p.line - 1]).toMatch(/"(markdown|html|htmlBody)"/);
  });

  it('partitions the file: each comment’s first paragraph owns its JSON, so pieces rebuild it byte for byte', () => {
    for (const source of [
      graphql(),
      graphql(COMMENTS, 0),
      `\uFEFF${graphql()}\r\n`,
      graphql([...COMMENTS].reverse()),
    ]) {
      const thread = parse(source);
      expect(thread.paragraphs.map((p) => p.raw).join('')).toBe(source);
      const result = findRepeats(thread.paragraphs);
      expect(rebuildInput(result)).toBe(source);
      expect(result.occurrences[3]).toMatchObject({ kind: 'exact', source: 1 });
      expect(result.occurrences[4].replyTo).toBe(1);
    }
    const inOrder = parse(JSON.stringify({ comments: { results: [COMMENTS[1], COMMENTS[0]] } })).paragraphs;
    expect(inOrder[0].raw).toContain('"c1"');
    expect(inOrder[0].raw).not.toContain('"c2"');
    expect(inOrder[2].raw).toContain('"c2"');
  });

  it('accepts the usual variations of the shape', () => {
    const variants = [
      JSON.stringify(COMMENTS),
      JSON.stringify({ comments: { results: COMMENTS } }),
      JSON.stringify({ data: { comments: COMMENTS } }),
      JSON.stringify({ post: POST, comments: COMMENTS }),
      JSON.stringify({ data: { post: POST, comments: { results: COMMENTS } } }),
    ];
    expect(variants.map((v) => parse(v).paragraphs.length)).toEqual([5, 5, 5, 6, 6]);
  });

  it('keeps every comment, even those whose parent is missing or whose parents form a loop', () => {
    const loop = [
      { _id: 'x', parentCommentId: 'y', contents: { markdown: 'First of a loop.' } },
      { _id: 'y', parentCommentId: 'x', contents: { markdown: 'Second of a loop.' } },
      { _id: 'z', parentCommentId: 'gone', contents: { markdown: 'An orphan.' } },
    ];
    expect(parse(JSON.stringify(loop)).paragraphs.map((p) => p.text)).toEqual([
      'An orphan.',
      'First of a loop.',
      'Second of a loop.',
    ]);
  });

  it('reports malformed JSON with its byte offset (a BOM and "é" count their bytes)', () => {
    expect(ingestError(() => parse('{"data": {"comments": [}'))).toMatchObject({ code: 'malformed_json', offset: 23 });
    const error = ingestError(() => parse('\uFEFF{"é": [1,]}'));
    expect(error).toMatchObject({ code: 'malformed_json', offset: 13 });
    expect(error.message).toContain('line 1');
  });

  it('reports an unknown shape with the JSON path of what is wrong', () => {
    const cases: [unknown, string][] = [
      [{ data: { posts: [] } }, '$.data.comments'],
      ['just a string', '$'],
      [
        {
          comments: {
            results: [
              { _id: 'x', contents: { markdown: 'ok' } },
              { _id: 'y', contents: {} },
            ],
          },
        },
        '$.comments.results[1].contents',
      ],
      [{ comments: { results: [{ contents: { markdown: 'no id' } }] } }, '$.comments.results[0]._id'],
      [{ comments: { results: [42] } }, '$.comments.results[0]'],
      [{ data: { comments: { results: [{ _id: 'x', contents: null }] } } }, '$.data.comments.results'],
    ];
    for (const [document, path] of cases) {
      expect(
        ingestError(() => parse(JSON.stringify(document))),
        path,
      ).toMatchObject({ code: 'unknown_json_shape', path });
    }
  });
});
