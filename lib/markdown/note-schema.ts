import type { Options as Schema } from 'rehype-sanitize';
import { SAFE_SCHEMES } from './safe-url';

/**
 * What a rendered note may contain: exactly the elements Markdown (with GFM) produces, nothing a
 * raw-HTML block could add. Built from scratch rather than by trimming GitHub's default schema, so
 * an element or attribute is here only because a note needs it.
 */
export const noteSchema: Schema = {
  tagNames: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'sup',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'section',
  ],
  attributes: {
    a: [
      'href',
      'title',
      'id',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      'ariaDescribedBy',
      'ariaLabel',
      ['className', 'data-footnote-backref'],
    ],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    th: ['align'],
    td: ['align'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h6: ['id', ['className', 'sr-only']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  // Only http(s) and mailto: no javascript:, data:, vbscript: or any scheme a browser might run.
  // A URL without a scheme (relative, "#fragment") is kept; it can only point into this site.
  protocols: { href: [...SAFE_SCHEMES] },
  // Ids come only from footnotes, which remark-rehype already prefixes with "user-content-";
  // prefixing again here would break the footnote links.
  clobber: [],
  strip: ['script', 'style'],
};
