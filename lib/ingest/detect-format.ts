import type { ThreadFormat } from './types';

/** Lines looked at: enough to see a file's habits without scanning 20 MB. */
const SAMPLE_LINES = 400;

const MARKDOWN_LINE = /^(?:#{1,6}\s|>\s?|\s*[-*+]\s+\S|\s*\d+[.)]\s+\S|```|~~~|(?:=+|-+)\s*$)/;

/**
 * Guesses the format from the file name, else from the content. JSON: a `.json` name, or a body
 * that opens with "{" or with "[" and then "{" or "]" (a list of comments; "[1] …" is text).
 * Markdown: a `.md` / `.markdown` name, or Markdown syntax (headings, quotes, lists, fences) on at
 * least two lines and a tenth of them, in paragraphs separated by blank lines — a flattened thread
 * has one paragraph per line and hardly any blank ones, and read as Markdown its lines would merge.
 * Anything else is flattened text.
 */
export function detectFormat(text: string, fileName?: string): ThreadFormat {
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.json')) return 'lesswrong-json';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  if (name.endsWith('.txt')) return 'text';
  const body = text.slice(0, 4096).replace(/^[\uFEFF\s]+/, '');
  if (body.startsWith('{') || /^\[\s*[{\]]/.test(body)) return 'lesswrong-json';
  const lines = text.split(/\r\n|\n|\r/, SAMPLE_LINES);
  const blank = lines.filter((line) => line.trim() === '').length;
  const filled = lines.length - blank;
  const markdown = lines.filter((line) => MARKDOWN_LINE.test(line)).length;
  return markdown >= 2 && markdown >= filled * 0.1 && blank >= filled * 0.2 ? 'markdown' : 'text';
}
