import { type CruxSummaryInput, summarise } from './summarise';

/** The crux summary as JSON, schema version 1 (docs/formats/crux-summary-json.md), two-space indented. */
export function toJson(input: CruxSummaryInput): string {
  return `${JSON.stringify(summarise(input), null, 2)}\n`;
}
