import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { IngestError } from './errors';
import { jsonErrorOffset } from './json-error-offset';
import { markdownBlocks } from './markdown-blocks';
import type { ParsedThread, SourceParagraph } from './types';

interface Comment {
  _id: string;
  parentCommentId: string | null;
  postedAt?: string;
  author?: string;
  markdown?: string;
  html?: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonOrThrow(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const at = Math.max(0, jsonErrorOffset(body));
    const offset = new TextEncoder().encode(text.slice(0, at + text.length - body.length)).length;
    const line = body.slice(0, at).split('\n').length;
    throw new IngestError('malformed_json', `The file is not valid JSON (line ${line}, byte ${offset}): ${(error as Error).message}.`, { offset });
  }
}

/** Where the comments are in the shapes LessWrong's GraphQL API and its exporters produce. */
function findComments(document: unknown): { path: string; list: unknown[]; post: Json | null } {
  if (Array.isArray(document)) return { path: '$', list: document, post: null };
  if (!isObject(document)) throw new IngestError('unknown_json_shape', 'Expected a JSON object with comments.results (a LessWrong GraphQL export).', { path: '$' });
  const data = isObject(document.data) ? document.data : document;
  const base = data === document ? '$' : '$.data';
  const post = isObject(data.post) ? (isObject(data.post.result) ? data.post.result : data.post) : null;
  const comments = data.comments;
  if (isObject(comments) && Array.isArray(comments.results)) return { path: `${base}.comments.results`, list: comments.results, post };
  if (Array.isArray(comments)) return { path: `${base}.comments`, list: comments, post };
  throw new IngestError('unknown_json_shape', `No comments found: expected ${base}.comments.results to be a list of comments.`, { path: `${base}.comments` });
}

function readComment(value: unknown, path: string): Comment {
  if (!isObject(value)) throw new IngestError('unknown_json_shape', `${path} is not a comment object.`, { path });
  const contents = value.contents;
  if (!isObject(contents) || (typeof contents.markdown !== 'string' && typeof contents.html !== 'string')) {
    throw new IngestError('unknown_json_shape', `${path}.contents needs a "markdown" or "html" string.`, { path: `${path}.contents` });
  }
  if (typeof value._id !== 'string') throw new IngestError('unknown_json_shape', `${path}._id must be a string.`, { path: `${path}._id` });
  const user = isObject(value.user) ? value.user : {};
  return {
    _id: value._id,
    parentCommentId: typeof value.parentCommentId === 'string' ? value.parentCommentId : null,
    postedAt: typeof value.postedAt === 'string' ? value.postedAt : undefined,
    author: typeof user.displayName === 'string' ? user.displayName : typeof user.username === 'string' ? user.username : undefined,
    markdown: typeof contents.markdown === 'string' ? contents.markdown : undefined,
    html: typeof contents.html === 'string' ? contents.html : undefined,
  };
}

/** Comments in reading order: each followed by its replies, siblings oldest first. */
function threadOrder(comments: Comment[]): Comment[] {
  const ids = new Set(comments.map((c) => c._id));
  const children = new Map<string | null, Comment[]>();
  for (const comment of comments) {
    const parent = comment.parentCommentId && ids.has(comment.parentCommentId) ? comment.parentCommentId : null;
    children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const byTime = (a: Comment, b: Comment) => (a.postedAt ?? '').localeCompare(b.postedAt ?? '');
  const ordered: Comment[] = [];
  const walk = (parent: string | null) => {
    for (const comment of (children.get(parent) ?? []).sort(byTime)) {
      ordered.push(comment);
      walk(comment._id);
    }
  };
  walk(null);
  return ordered;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'figcaption', 'td', 'th']);

function htmlBlocks(html: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  const visit = (nodes: HastContent[], quoted: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const element = node as Element;
      if (BLOCKS.has(element.tagName)) {
        const text = toText(element).trim();
        if (text) out.push({ text, quoted });
      } else {
        visit(element.children as HastContent[], quoted || element.tagName === 'blockquote');
      }
    }
  };
  visit((unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot).children, false);
  if (out.length === 0 && toText(unified().use(rehypeParse, { fragment: true }).parse(html)).trim()) {
    out.push({ text: toText(unified().use(rehypeParse, { fragment: true }).parse(html)).trim(), quoted: false });
  }
  return out;
}

function bodyBlocks(body: { markdown?: string; html?: string }): { text: string; quoted: boolean }[] {
  if (body.markdown !== undefined) return markdownBlocks(body.markdown).map((b) => ({ text: b.text, quoted: b.quoted }));
  return htmlBlocks(body.html ?? '');
}

/**
 * A LessWrong / Alignment Forum GraphQL export: the post (when present), then every comment in
 * reply order, keeping authors, times and comment ids. The JSON itself is one input "line": the
 * first paragraph owns the whole file as its raw, so the original still rebuilds byte for byte.
 */
export function parseLessWrong(source: string): ParsedThread {
  const { path, list, post } = findComments(parseJsonOrThrow(source));
  const comments = threadOrder(list.map((value, i) => readComment(value, `${path}[${i}]`)));
  const paragraphs: SourceParagraph[] = [];
  const add = (text: string, quoted: boolean, extra: Partial<SourceParagraph>) =>
    paragraphs.push({ index: paragraphs.length, line: paragraphs.length + 1, text, raw: paragraphs.length === 0 ? source : '', quoted, ...extra });
  const postContents = post && isObject(post.contents) ? post.contents : null;
  if (postContents) {
    const author = isObject(post?.user) && typeof post.user.displayName === 'string' ? post.user.displayName : undefined;
    for (const block of bodyBlocks({ markdown: postContents.markdown as string | undefined, html: postContents.html as string | undefined })) {
      add(block.text, block.quoted, { author, commentId: typeof post?._id === 'string' ? post._id : undefined, parentCommentId: null });
    }
  }
  for (const comment of comments) {
    for (const block of bodyBlocks(comment)) {
      add(block.text, block.quoted, { author: comment.author, postedAt: comment.postedAt, commentId: comment._id, parentCommentId: comment.parentCommentId });
    }
  }
  if (paragraphs.length === 0) throw new IngestError('unknown_json_shape', `${path} holds no comment with any text.`, { path });
  const title = post && typeof post.title === 'string' ? post.title : undefined;
  return { format: 'lesswrong-json', ...(title ? { title } : {}), paragraphs };
}
