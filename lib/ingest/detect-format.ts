import type { ThreadFormat } from './types';

/**
 * Guesses the format: a .json name or a body starting with { or [ is LessWrong JSON; a .md name or
 * Markdown structure (headings, blockquotes, lists) is Markdown; anything else is flattened text.
 */
export function detectFormat(text: string, fileName?: string): ThreadFormat {
  const name = fileName?.toLowerCase() ?? '';
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.json') || body.startsWith('{') || body.startsWith('[')) return 'lesswrong-json';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  const lines = body.split(/\r?\n/, 200);
  const markdownLines = lines.filter((line) => /^(#{1,6} |> |\s*[-*+] |\s*\d+\. |```)/.test(line)).length;
  return markdownLines >= 2 && markdownLines >= lines.length * 0.1 ? 'markdown' : 'text';
}
