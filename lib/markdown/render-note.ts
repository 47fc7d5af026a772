import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { headingsBelowPage } from './headings-below-page';
import { imagesAsLinks } from './images-as-links';
import { linkRel } from './link-rel';
import { noteSchema } from './note-schema';
import { showBidiControls } from './show-bidi-controls';

/**
 * Markdown → HTML for notes. remark-rehype drops raw HTML (allowDangerousHtml stays off), so
 * `<script>`, `<svg onload>` and `<img onerror>` never become elements; the sanitiser then enforces
 * the note schema on what Markdown itself produced (link schemes above all).
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(imagesAsLinks)
  .use(headingsBelowPage)
  .use(remarkRehype, { footnoteLabelTagName: 'h6' })
  .use(rehypeSanitize, noteSchema)
  // After the sanitiser, on output it already vetted:
  .use(linkRel)
  .use(showBidiControls)
  .use(rehypeStringify)
  .freeze();

/** A note's Markdown as sanitised HTML, safe to set as innerHTML. */
export function renderNote(markdown: string): string {
  return String(processor.processSync(markdown));
}
