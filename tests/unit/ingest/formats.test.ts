import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { detectFormat } from '@/lib/ingest/detect-format';
import { IngestError } from '@/lib/ingest/errors';
import { parseThread } from '@/lib/ingest/parse-thread';

const MARKDOWN = `# On reward functions

Outer alignment is mostly about specification gaming, and that is real.

> Outer alignment is mostly about specification gaming, and that is real.
> It continues on a second line.

I disagree: *inner* alignment matters more.
`;

const lesswrong = (comments: unknown[], post?: unknown) =>
  JSON.stringify({ data: { post: { result: post ?? { _id: 'p1', title: 'A post', contents: { markdown: 'The post body.' }, user: { displayName: 'Author' } } }, comments: { results: comments } } }, null, 2);

const COMMENTS = [
  { _id: 'c2', parentCommentId: 'c1', postedAt: '2024-01-02T00:00:00Z', user: { displayName: 'Bob' }, contents: { html: '<blockquote><p>Reward learning works in practice.</p></blockquote><p>Not for <em>treacherous</em> turns.</p>' } },
  { _id: 'c1', parentCommentId: null, postedAt: '2024-01-01T00:00:00Z', user: { displayName: 'Alice' }, contents: { markdown: 'Reward learning works in practice.\n\nSecond paragraph here.' } },
];

function thrown(work: () => unknown): IngestError {
  try {
    work();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('formats', () => {
  it('detects the format from the name or the content', () => {
    expect(detectFormat('{"data":{}}')).toBe('lesswrong-json');
    expect(detectFormat('plain line one\nplain line two')).toBe('text');
    expect(detectFormat(MARKDOWN)).toBe('markdown');
    expect(detectFormat('anything', 'thread.md')).toBe('markdown');
  });

  it('reads Markdown: blockquotes are quotes, the first heading is the title, and it rebuilds exactly', () => {
    const thread = parseThread(MARKDOWN, 'markdown');
    expect(thread.title).toBe('On reward functions');
    const quoted = thread.paragraphs.filter((p) => p.quoted).map((p) => p.text);
    expect(quoted).toEqual(['Outer alignment is mostly about specification gaming, and that is real.\nIt continues on a second line.']);
    const result = findRepeats(thread.paragraphs);
    expect(rebuildInput(result.occurrences)).toBe(MARKDOWN);
    expect(result.occurrences.some((o) => o.kind === 'exact' || o.kind === 'partial')).toBe(true);
  });

  it('reads LessWrong JSON in reply order with authors, times and ids, and rebuilds exactly', () => {
    const source = lesswrong(COMMENTS);
    const thread = parseThread(source, 'lesswrong-json');
    expect(thread.title).toBe('A post');
    expect(thread.paragraphs.map((p) => [p.author, p.text])).toEqual([
      ['Author', 'The post body.'],
      ['Alice', 'Reward learning works in practice.'],
      ['Alice', 'Second paragraph here.'],
      ['Bob', 'Reward learning works in practice.'],
      ['Bob', 'Not for treacherous turns.'],
    ]);
    expect(thread.paragraphs[3]).toMatchObject({ quoted: true, commentId: 'c2', parentCommentId: 'c1', postedAt: '2024-01-02T00:00:00Z' });
    const result = findRepeats(thread.paragraphs);
    expect(rebuildInput(result.occurrences)).toBe(source);
    expect(result.occurrences[3]).toMatchObject({ kind: 'exact', source: 1 });
    expect(result.occurrences[4].replyTo).toBe(1);
  });

  it('accepts a bare list of comments and comments.results at the top level', () => {
    expect(parseThread(JSON.stringify(COMMENTS), 'lesswrong-json').paragraphs).toHaveLength(4);
    expect(parseThread(JSON.stringify({ comments: { results: COMMENTS } }), 'lesswrong-json').paragraphs).toHaveLength(4);
  });

  it('reports malformed JSON with its byte offset and an unknown shape with its JSON path', () => {
    expect(thrown(() => parseThread('{"data": {"comments": [}', 'lesswrong-json'))).toMatchObject({ code: 'malformed_json', offset: 23 });
    expect(thrown(() => parseThread('{"data": {"posts": []}}', 'lesswrong-json'))).toMatchObject({ code: 'unknown_json_shape', path: '$.data.comments' });
    const bad = [{ _id: 'x', contents: { markdown: 'ok' } }, { _id: 'y', contents: {} }];
    expect(thrown(() => parseThread(JSON.stringify({ comments: { results: bad } }), 'lesswrong-json'))).toMatchObject({
      code: 'unknown_json_shape',
      path: '$.comments.results[1].contents',
    });
  });
});
