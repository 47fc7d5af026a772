export interface JsonSpan {
  start: number;
  end: number;
}

/** A JSON path segment for an object key: `.key` for identifiers, `["key"]` otherwise. */
const keySegment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** From the opening quote of a string to just after its closing quote. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 34) return i + 1;
  }
  return i;
}

/** Just past the value starting at i, without looking inside it (iterative: nesting depth costs no stack). */
function skipValue(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 34) return skipString(text, i);
  if (code !== 123 && code !== 91) {
    while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = skipString(text, i) - 1;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
  }
  return i;
}

/** "$.data.comments.results" and every path above it: "$", "$.data", "$.data.comments". */
function withAncestors(path: string): string[] {
  const paths = ['$'];
  for (const segment of path.slice(1).match(/\.[^.[]+|\[[^\]]*\]/g) ?? [])
    paths.push(paths[paths.length - 1] + segment);
  return paths;
}

/**
 * Where values sit in a JSON text already known to be valid: the spans [start, end) of the values
 * at `roots` and of everything below them down to `depth` levels, keyed by JSON path
 * ("$.data.comments.results[3].contents"). Everything else is skipped without building paths.
 */
export function locateJson(text: string, roots: string[], depth: number): Map<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  const rootSet = new Set(roots);
  const ancestors = new Set(roots.flatMap(withAncestors));
  /** Scans the value at i; `level` is how far below a root it is, or -1 above the roots. Returns its end. */
  const scan = (i: number, path: string, level: number): number => {
    const start = i;
    const code = text.charCodeAt(i);
    let end: number;
    if ((code === 123 || code === 91) && (level < depth || ancestors.has(path))) {
      end = code === 123 ? scanObject(i, path, level) : scanArray(i, path, level);
    } else end = skipValue(text, i);
    if (level >= 0) spans.set(path, { start, end });
    return end;
  };
  const childLevel = (path: string, level: number) => (level >= 0 ? level + 1 : rootSet.has(path) ? 0 : -1);
  const wanted = (path: string, level: number) => (level >= 0 && level <= depth) || ancestors.has(path);
  const scanChild = (i: number, path: string, level: number) => {
    const below = childLevel(path, level);
    return wanted(path, below) ? scan(i, path, below) : skipValue(text, i);
  };
  const scanObject = (i: number, path: string, level: number): number => {
    i = skipSpace(text, i + 1);
    while (text.charCodeAt(i) === 34) {
      const keyEnd = skipString(text, i);
      const child = path + keySegment(JSON.parse(text.slice(i, keyEnd)) as string);
      i = skipSpace(text, skipSpace(text, keyEnd) + 1);
      i = skipSpace(text, scanChild(i, child, level));
      if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
    }
    return i + 1;
  };
  const scanArray = (i: number, path: string, level: number): number => {
    i = skipSpace(text, i + 1);
    for (let k = 0; text.charCodeAt(i) !== 93 && i < text.length; k++) {
      i = skipSpace(text, scanChild(i, `${path}[${k}]`, level));
      if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
    }
    return i + 1;
  };
  scanChild(skipSpace(text, 0), '$', -1);
  return spans;
}
