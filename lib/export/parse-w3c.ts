import { check, type PathSegment, type Problem } from './json-path';
import { type ImportedAnnotation, readAnnotation } from './read-annotation';
import { collectionSchema, contextSchema, pageSchema } from './w3c-schema';

export type W3cImport =
  | { ok: true; collection: { id: string | null; generated: string | null }; annotations: ImportedAnnotation[] }
  | { ok: false; problems: Problem[] };

function parseJson(input: unknown, problems: Problem[]): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input);
  } catch (error) {
    problems.push({ path: '$', message: `not JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** Where the annotations are: a collection's embedded first page, a page, or one annotation. */
interface Located {
  items: unknown[];
  at: PathSegment[];
  id?: string;
  generated?: string;
}

function locateItems(document: Record<string, unknown>, problems: Problem[]): Located | null {
  switch (document.type) {
    case 'AnnotationCollection': {
      const collection = check(collectionSchema, document, [], problems);
      if (!collection) return null;
      if (
        collection.total !== undefined &&
        collection.total !== collection.first.items.length &&
        !('next' in collection.first)
      ) {
        problems.push({
          path: '$.total',
          message: `says ${collection.total}, but the only page holds ${collection.first.items.length}`,
        });
      }
      return {
        items: collection.first.items,
        at: ['first', 'items'],
        id: collection.id,
        generated: collection.generated,
      };
    }
    case 'AnnotationPage': {
      const page = check(pageSchema, document, [], problems);
      return page && { items: page.items, at: ['items'] };
    }
    case 'Annotation':
      return { items: [document], at: [] };
    default:
      problems.push({ path: '$.type', message: 'expected AnnotationCollection, AnnotationPage or Annotation' });
      return null;
  }
}

/**
 * Reads a W3C Web Annotation document (JSON text or parsed) for import: an AnnotationCollection
 * with its first page embedded, an AnnotationPage, or a single Annotation, as toW3c writes them.
 * Either every annotation normalised, or every problem found, each at its JSON path
 * ("$.first.items[3].target.selector[0].exact: required"); nothing is imported in part.
 */
export function parseW3c(input: unknown): W3cImport {
  const problems: Problem[] = [];
  const document = parseJson(input, problems);
  if (problems.length) return { ok: false, problems };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, problems: [{ path: '$', message: 'expected a JSON object' }] };
  }
  const record = document as Record<string, unknown>;
  check(contextSchema, record['@context'], ['@context'], problems);
  const located = locateItems(record, problems);
  const annotations = located
    ? located.items.flatMap(
        (item, i) => readAnnotation(item, located.at.length ? [...located.at, i] : [], problems) ?? [],
      )
    : [];
  if (problems.length) return { ok: false, problems };
  return { ok: true, collection: { id: located?.id ?? null, generated: located?.generated ?? null }, annotations };
}
