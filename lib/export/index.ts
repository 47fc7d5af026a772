export { claimsFromAnnotations } from './claims-from-annotations';
export { csvField, csvTable } from './csv';
export { type ExportClaim, type ExportTag, selectForExport } from './export-claims';
export type { ImportedAnnotation, ImportedTarget } from './imported-annotation';
export type { Problem } from './json-path';
export { claimContextUrl, paragraphLabel, threadUrl } from './links';
export { type AnnotationFormat, type AnnotationImport, parseAnnotations } from './parse-annotations';
export { type CruxSummaryInput, summarise } from './summarise';
export { type CruxSummary, cruxSummarySchema, SUMMARY_SCHEMA_VERSION, type SummaryClaim } from './summary-schema';
export { CSV_COLUMNS, toCsv } from './to-csv';
export { type HypothesisAnnotation, type HypothesisSearchResponse, toHypothesis } from './to-hypothesis';
export { toJson } from './to-json';
export { toMarkdown } from './to-markdown';
export {
  type TextualBody,
  toW3c,
  type W3cAnnotation,
  type W3cCollection,
  type W3cOptions,
  type W3cPage,
  type W3cReply,
  w3cAnnotation,
  w3cPage,
  w3cReply,
  w3cTarget,
} from './to-w3c';
export type { AnnotationSelection } from './w3c-iris';
export { ANNO_CONTEXT, ANNO_MEDIA_TYPE } from './w3c-vocabulary';
