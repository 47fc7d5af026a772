import { IngestError } from './errors';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A post or comment body: Markdown when the export has it, else HTML; and its JSON path. */
export interface Body {
  markdown?: string;
  html?: string;
  path: string;
}

/** The post or one comment of a LessWrong / Alignment Forum export, with where it sits in the JSON. */
export interface ThreadItem {
  path: string;
  id?: string;
  parentId: string | null;
  postedAt?: string;
  author?: string;
  /** Null for a deleted comment (the API gives `contents: null`): it has no paragraphs. */
  body: Body | null;
}

export interface ThreadShape {
  title?: string;
  post: ThreadItem | null;
  comments: ThreadItem[];
  /** The JSON path of the comment list. */
  commentsPath: string;
}

function authorOf(item: Json): string | undefined {
  const user = isObject(item.user) ? item.user : {};
  return text(user.displayName) ?? text(user.username) ?? text(item.author);
}

/** The body of a post or comment: `contents.markdown`, `contents.html`, or the older `htmlBody`. */
function bodyOf(item: Json, path: string): Body | null {
  const contents = item.contents;
  if (isObject(contents)) {
    if (typeof contents.markdown === 'string')
      return { markdown: contents.markdown, path: `${path}.contents.markdown` };
    if (typeof contents.html === 'string') return { html: contents.html, path: `${path}.contents.html` };
    throw new IngestError('unknown_json_shape', `${path}.contents needs a "markdown" or "html" string.`, {
      path: `${path}.contents`,
    });
  }
  if (typeof item.htmlBody === 'string') return { html: item.htmlBody, path: `${path}.htmlBody` };
  if (contents === null || item.deleted === true) return null;
  throw new IngestError(
    'unknown_json_shape',
    `${path} has no text: expected contents.markdown, contents.html or htmlBody.`,
    { path: `${path}.contents` },
  );
}

function readComment(value: unknown, path: string): ThreadItem {
  if (!isObject(value)) throw new IngestError('unknown_json_shape', `${path} is not a comment object.`, { path });
  if (typeof value._id !== 'string')
    throw new IngestError('unknown_json_shape', `${path}._id must be a string (the comment id).`, {
      path: `${path}._id`,
    });
  return {
    path,
    id: value._id,
    parentId: text(value.parentCommentId) ?? null,
    postedAt: text(value.postedAt),
    author: authorOf(value),
    body: bodyOf(value, path),
  };
}

function readPost(value: Json, path: string): ThreadItem {
  return {
    path,
    id: text(value._id),
    parentId: null,
    postedAt: text(value.postedAt),
    author: authorOf(value),
    body: value.contents === undefined && value.htmlBody === undefined ? null : bodyOf(value, path),
  };
}

/**
 * Finds the post and the comments in the shapes LessWrong's GraphQL API and its exporters produce:
 * `{data: {post: {result}, comments: {results}}}`, the same without `data` or without `result`,
 * `comments` as a bare list, or the whole file a list of comments.
 */
export function readThreadShape(document: unknown): ThreadShape {
  if (Array.isArray(document))
    return { post: null, comments: document.map((c, i) => readComment(c, `$[${i}]`)), commentsPath: '$' };
  if (!isObject(document))
    throw new IngestError(
      'unknown_json_shape',
      'Expected a JSON object with comments.results (a LessWrong GraphQL export) or a list of comments.',
      { path: '$' },
    );
  const data = isObject(document.data) ? document.data : document;
  const base = data === document ? '$' : '$.data';
  const postPath = isObject(data.post) && isObject(data.post.result) ? `${base}.post.result` : `${base}.post`;
  const postValue = isObject(data.post) ? (isObject(data.post.result) ? data.post.result : data.post) : null;
  const comments = data.comments;
  const list =
    isObject(comments) && Array.isArray(comments.results)
      ? comments.results
      : Array.isArray(comments)
        ? comments
        : null;
  if (!list)
    throw new IngestError(
      'unknown_json_shape',
      `No comments found: expected ${base}.comments.results to be a list of comments.`,
      { path: `${base}.comments` },
    );
  const commentsPath = Array.isArray(comments) ? `${base}.comments` : `${base}.comments.results`;
  return {
    title: postValue ? text(postValue.title) : undefined,
    post: postValue ? readPost(postValue, postPath) : null,
    comments: list.map((c, i) => readComment(c, `${commentsPath}[${i}]`)),
    commentsPath,
  };
}

/**
 * Comments in reading order: each followed by its replies, siblings oldest first (or as listed,
 * when some have no time). A comment whose parent is missing starts a thread of its own; none is
 * ever dropped, not even in a (broken) cycle of parents.
 */
export function readingOrder(comments: ThreadItem[]): ThreadItem[] {
  const ids = new Set(comments.map((c) => c.id));
  const children = new Map<string | null, ThreadItem[]>();
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(comment);
    else children.set(parent, [comment]);
  }
  for (const siblings of children.values()) {
    if (siblings.every((c) => c.postedAt))
      siblings.sort((a, b) => (a.postedAt as string).localeCompare(b.postedAt as string));
  }
  const ordered: ThreadItem[] = [];
  const placed = new Set<ThreadItem>();
  const walk = (from: ThreadItem[]) => {
    const stack = [...from].reverse();
    while (stack.length > 0) {
      const next = stack.pop() as ThreadItem;
      if (placed.has(next)) continue;
      placed.add(next);
      ordered.push(next);
      stack.push(...[...(children.get(next.id as string) ?? [])].reverse());
    }
  };
  walk(children.get(null) ?? []);
  for (const comment of comments) if (!placed.has(comment)) walk([comment]);
  return ordered;
}
