import { findNodeAtLocation, type Node, parseTree, type Segment } from 'jsonc-parser';

export interface JsonSpan {
  start: number;
  end: number;
}

/** A JSON path segment for an object key: `.key` for identifiers, `["key"]` otherwise. */
const keySegment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** "$.data.comments.results[3]" or '$["odd key"]' as the segments jsonc-parser walks. */
function segmentsOf(path: string): Segment[] {
  return (path.slice(1).match(/\.[^.[]+|\[[^\]]*\]/g) ?? []).map((segment) => {
    if (segment.startsWith('.')) return segment.slice(1);
    const inner = segment.slice(1, -1);
    return /^\d+$/.test(inner) ? Number(inner) : (JSON.parse(inner) as string);
  });
}

/**
 * Where values sit in a JSON text already known to be valid: the spans [start, end) of the values
 * at `roots` and of everything below them down to `depth` levels, keyed by JSON path
 * ("$.data.comments.results[3].contents"). A leading byte order mark counts as one character.
 */
export function locateJson(text: string, roots: string[], depth: number): Map<string, JsonSpan> {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const tree = parseTree(bom ? text.slice(1) : text);
  const spans = new Map<string, JsonSpan>();
  const visit = (node: Node, path: string, level: number) => {
    spans.set(path, { start: node.offset + bom, end: node.offset + node.length + bom });
    if (level === depth) return;
    for (const [k, child] of (node.children ?? []).entries()) {
      if (node.type === 'array') visit(child, `${path}[${k}]`, level + 1);
      else if (child.children?.length === 2)
        visit(child.children[1], path + keySegment(child.children[0].value), level + 1);
    }
  };
  for (const root of roots) {
    const node = tree && findNodeAtLocation(tree, segmentsOf(root));
    if (node) visit(node, root, 0);
  }
  return spans;
}
