export { claimsFromAnnotations } from './claims-from-annotations';
export { csvField, csvTable } from './csv';
export type { Problem } from './json-path';
export { claimContextUrl, paragraphLabel, threadUrl } from './links';
export { type W3cImport, parseW3c } from './parse-w3c';
export type { ImportedAnnotation } from './read-annotation';
export { type CruxSummaryInput, summarise } from './summarise';
export { type CruxSummary, cruxSummarySchema, SUMMARY_SCHEMA_VERSION, type SummaryClaim } from './summary-schema';
export { CSV_COLUMNS, toCsv } from './to-csv';
export { toJson } from './to-json';
export { toMarkdown } from './to-markdown';
export {
  type TextualBody,
  toW3c,
  type W3cAnnotation,
  type W3cClaim,
  type W3cCollection,
  type W3cOptions,
  type W3cTag,
} from './to-w3c';
export { ANNO_CONTEXT } from './w3c-vocabulary';
