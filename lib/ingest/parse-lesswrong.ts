import { IngestError } from './errors';
import { htmlBlocks, type TextBlock } from './html-blocks';
import { jsonErrorOffset } from './json-error-offset';
import { locateJson } from './json-locate';
import { type Body, readingOrder, readThreadShape, type ThreadItem } from './lesswrong-shape';
import { lineLocator } from './lines';
import { markdownBlocks } from './markdown-blocks';
import type { ParsedThread, SourceParagraph } from './types';

function parseJson(source: string): unknown {
  const body = source.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const at = Math.max(0, jsonErrorOffset(body));
    const offset = new TextEncoder().encode(source.slice(0, at + source.length - body.length)).length;
    const line = body.slice(0, at).split('\n').length;
    throw new IngestError(
      'malformed_json',
      `The file is not valid JSON (line ${line}, byte ${offset}): ${(error as Error).message}. Fix the JSON or upload the thread as text.`,
      { offset },
    );
  }
}

function blocksOf(body: Body | null): TextBlock[] {
  if (!body) return [];
  if (body.markdown !== undefined) return markdownBlocks(body.markdown).map(({ text, quoted }) => ({ text, quoted }));
  return htmlBlocks(body.html ?? '');
}

/**
 * A LessWrong / Alignment Forum GraphQL export: the post (when present), then every comment in
 * reading order (replies under their parent), keeping authors, times, comment ids and parents.
 * A paragraph's line is the line of its body in the JSON. The raws partition the file: the first
 * paragraph of each post or comment owns the JSON from where the previous owner stopped to the end
 * of its own object (nothing, if that was already owned: the file lists comments in another
 * order), its other paragraphs own nothing, and the last paragraph takes the rest.
 */
export function parseLessWrong(source: string): ParsedThread {
  const shape = readThreadShape(parseJson(source));
  const items: ThreadItem[] = [...(shape.post ? [shape.post] : []), ...readingOrder(shape.comments)];
  const spans = locateJson(source, [...(shape.post ? [shape.post.path] : []), shape.commentsPath], 3);
  const lineAt = lineLocator(source);
  const paragraphs: SourceParagraph[] = [];
  let owned = 0;
  for (const item of items) {
    const blocks = blocksOf(item.body);
    if (blocks.length === 0) continue;
    const end = spans.get(item.path)?.end ?? owned;
    const line = lineAt(spans.get(item.body?.path ?? item.path)?.start ?? 0);
    for (const [k, block] of blocks.entries()) {
      const raw = k === 0 && end > owned ? source.slice(owned, end) : '';
      paragraphs.push({
        index: paragraphs.length,
        line,
        text: block.text,
        raw,
        quoted: block.quoted,
        ...(item.author ? { author: item.author } : {}),
        ...(item.postedAt ? { postedAt: item.postedAt } : {}),
        ...(item.id ? { commentId: item.id } : {}),
        parentCommentId: item.parentId,
      });
    }
    owned = Math.max(owned, end);
  }
  if (paragraphs.length === 0)
    throw new IngestError('unknown_json_shape', `${shape.commentsPath} holds no comment with any text.`, {
      path: shape.commentsPath,
    });
  const last = paragraphs[paragraphs.length - 1];
  last.raw += source.slice(owned);
  return { format: 'lesswrong-json', ...(shape.title ? { title: shape.title } : {}), paragraphs };
}
