import type { ImportedAnnotation } from './imported-annotation';
import { check, type PathSegment, type Problem } from './json-path';
import { isObject } from './json-values';
import { readAnnotation } from './read-annotation';
import { collectionSchema, contextSchema, pageSchema } from './w3c-schema';

/** Where the annotations are: a collection's embedded first page, a page, or one annotation. */
interface Located {
  items: unknown[];
  at: PathSegment[];
}

function locateItems(document: Record<string, unknown>, problems: Problem[]): Located | null {
  const types = Array.isArray(document.type) ? document.type : [document.type];
  if (types.includes('AnnotationCollection')) {
    const collection = check(collectionSchema, document, [], problems);
    if (!collection) return null;
    if (collection.first.next !== undefined) {
      // Only the first page is in the document: importing it alone would drop the rest unseen.
      problems.push({
        path: '$.first.next',
        message: 'the collection goes on over further pages; import each AnnotationPage on its own',
      });
      return null;
    }
    if (collection.total !== undefined && collection.total !== collection.first.items.length) {
      problems.push({
        path: '$.total',
        message: `says ${collection.total}, but the only page holds ${collection.first.items.length}`,
      });
    }
    return { items: collection.first.items, at: ['first', 'items'] };
  }
  if (types.includes('AnnotationPage')) {
    const page = check(pageSchema, document, [], problems);
    return page && { items: page.items, at: ['items'] };
  }
  if (types.includes('Annotation')) return { items: [document], at: [] };
  problems.push({ path: '$.type', message: 'expected AnnotationCollection, AnnotationPage or Annotation' });
  return null;
}

/**
 * Reads a W3C Web Annotation document for import: an AnnotationCollection with its first page
 * embedded, an AnnotationPage, or a single Annotation — as Crux Reader, Hypothesis (its JSON-LD)
 * and other tools write them. Every annotation normalised, or every problem at its JSON path.
 */
export function readW3cDocument(document: Record<string, unknown>, problems: Problem[]): ImportedAnnotation[] {
  check(contextSchema, document['@context'], ['@context'], problems);
  const located = locateItems(document, problems);
  if (!located) return [];
  return located.items.flatMap((item, i) => {
    const at = located.at.length ? [...located.at, i] : [];
    if (located.at.length && !isObject(item)) {
      problems.push({ path: `$.${located.at.join('.')}[${i}]`, message: 'expected an Annotation object' });
      return [];
    }
    // Replies are a reader's words on this site, never imported as tags (nor as someone's replies).
    if (isObject(item) && item.motivation === 'replying') return [];
    return readAnnotation(item, at, problems) ?? [];
  });
}
