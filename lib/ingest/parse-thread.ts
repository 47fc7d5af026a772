import { IngestError } from './errors';
import { parseLessWrong } from './parse-lesswrong';
import { parseMarkdown } from './parse-markdown';
import { parseText } from './parse-text';
import type { ParsedThread, ThreadFormat } from './types';

/** Parses a decoded thread in the given format into paragraphs whose raws rebuild the input. */
export function parseThread(text: string, format: ThreadFormat): ParsedThread {
  switch (format) {
    case 'text':
      return { format, paragraphs: parseText(text) };
    case 'markdown':
      return parseMarkdown(text);
    case 'lesswrong-json':
      return parseLessWrong(text);
    default:
      throw new IngestError('unknown_format', `Unknown format "${format}"; use text, markdown or lesswrong-json.`);
  }
}
