import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { DoubleCruxClaim } from '@/lib/cruxes/double-crux';
import { claimContextUrl } from './links';
import { heading, item, link, list, paragraph, quote, text } from './mdast-build';

const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', listItemIndent: 'one' });

const side = (name: string, confidence: number | null, axis: string, crux: boolean) =>
  `${name}: ${confidence ?? '–'} % (${axis}${crux ? ', crux' : ''})`;

/**
 * Two readers' (or two sets') double cruxes as Markdown: each claim quoted (as text nodes, so
 * nothing in a claim becomes markup), both sides' confidences (a set's mean), the gap, and a link
 * to the claim in context.
 */
export function doubleCruxMarkdown(
  claims: readonly DoubleCruxClaim[],
  names: { a: string; b: string },
  baseUrl: string,
): string {
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, `Double cruxes of ${names.a} and ${names.b}`),
      paragraph(
        text(
          claims.length
            ? `${claims.length} claims both gave a confidence on, widest gap first.`
            : 'No claim has a confidence from both readers yet.',
        ),
      ),
      ...claims.flatMap((c, n) => [
        heading(2, `${n + 1}. Gap ${c.gap} — ${c.thread.title}`),
        quote(c.text),
        list([
          item(paragraph(text(side(names.a, c.confidenceA, c.axisA, c.cruxA)))),
          item(paragraph(text(side(names.b, c.confidenceB, c.axisB, c.cruxB)))),
        ]),
        paragraph(
          link(
            claimContextUrl(baseUrl, { id: c.claimId, threadSlug: c.thread.slug, passageOrdinal: c.passageOrdinal }),
            'The claim in context',
          ),
        ),
      ]),
    ],
  };
  return String(stringifier.stringify(tree));
}
