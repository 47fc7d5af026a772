import { detectFormat } from './detect-format';
import { IngestError } from './errors';
import { parseLessWrong } from './parse-lesswrong';
import { parseMarkdown } from './parse-markdown';
import { parseText } from './parse-text';
import { type ParsedThread, THREAD_FORMATS, type ThreadFormat } from './types';

/**
 * Parses a decoded thread into paragraphs whose raws rebuild the input byte for byte, in the given
 * format or, without one, the format `detectFormat` finds.
 */
export function parseThread(text: string, format: ThreadFormat = detectFormat(text)): ParsedThread {
  switch (format) {
    case 'text':
      return { format, paragraphs: parseText(text) };
    case 'markdown':
      return parseMarkdown(text);
    case 'lesswrong-json':
      return parseLessWrong(text);
    default:
      throw new IngestError(
        'unknown_format',
        `Unknown format "${format as string}"; use one of ${THREAD_FORMATS.join(', ')}.`,
      );
  }
}
