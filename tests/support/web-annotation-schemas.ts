import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The JSON Schemas of the W3C Web Annotation test suite (tests/fixtures/web-annotation-tests, from
 * github.com/w3c/web-annotation-tests): each assertion file checks one MUST, SHOULD or MAY of the
 * model against an Annotation, an AnnotationCollection or an AnnotationPage.
 */
const ROOT = path.resolve(import.meta.dirname, '../fixtures/web-annotation-tests');

export type AssertionLevel = 'must' | 'should' | 'may';
export type Subject = 'annotation' | 'collection' | 'page';

interface Assertion {
  file: string;
  level: AssertionLevel;
  subject: Subject;
  message: string;
  validate: ReturnType<Ajv['compile']>;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return entry.endsWith('.json') ? [full] : [];
  });
}

function subjectOf(file: string): Subject {
  if (file.startsWith('collections/pages/')) return 'page';
  return file.startsWith('collections/') ? 'collection' : 'annotation';
}

let loaded: Assertion[] | undefined;

/** Every assertion of the suite, compiled once. */
export function webAnnotationAssertions(): Assertion[] {
  if (loaded) return loaded;
  // The suite's schemas are draft-04 and carry the suite's own keywords (assertionType, errorMessage…).
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const file of jsonFiles(path.join(ROOT, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')));
  loaded = [];
  for (const dir of ['annotations', 'collections']) {
    for (const full of jsonFiles(path.join(ROOT, dir))) {
      // Two assertion files share an id; their references name the definitions, so the ids can go.
      const { id: _, ...schema } = JSON.parse(readFileSync(full, 'utf8'));
      const file = path.relative(ROOT, full);
      loaded.push({
        file,
        level: schema.assertionType,
        subject: subjectOf(file),
        message: schema.errorMessage,
        validate: ajv.compile(schema),
      });
    }
  }
  return loaded;
}

/** The MUST and SHOULD assertions about `subject` that `document` fails, as "file: message". */
export function failedAssertions(
  document: unknown,
  subject: Subject,
  levels: readonly AssertionLevel[] = ['must', 'should'],
): string[] {
  return webAnnotationAssertions()
    .filter((a) => a.subject === subject && levels.includes(a.level) && !a.validate(document))
    .map((a) => `${a.file}: ${a.message}`);
}
