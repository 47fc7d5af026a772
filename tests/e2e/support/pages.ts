import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Drags the mouse over characters [start, end) of a passage's text, as a reader selects a claim. */
export async function selectWithMouse(page: Page, passageSelector: string, start: number, end: number) {
  const points = await page.evaluate(
    ({ selector, start, end }) => {
      const element = document.querySelector(selector) as HTMLElement;
      element.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const at = (offset: number) => {
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).data.length;
          if (offset <= seen + length) return { node, offset: offset - seen };
          seen += length;
        }
        throw new Error('offset outside the passage');
      };
      const rectAt = (offset: number, side: 'left' | 'right') => {
        walker.currentNode = element;
        const { node, offset: inNode } = at(offset);
        const range = document.createRange();
        range.setStart(node, side === 'left' ? inNode : inNode - 1);
        range.setEnd(node, side === 'left' ? inNode + 1 : inNode);
        const rect = range.getClientRects()[0];
        return { x: side === 'left' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
      };
      return { from: rectAt(start, 'left'), to: rectAt(end, 'right') };
    },
    { selector: passageSelector, start, end },
  );
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA checks on the page; returns the violations (rule id and targets). */
export async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}
