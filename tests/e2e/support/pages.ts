import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Drags the mouse over characters [start, end) of a passage's text, as a reader selects a claim. */
/** The CSS selector of the passage whose text starts with `startsWith`. */
export async function passageSelectorFor(page: Page, startsWith: string) {
  const id = await page.evaluate((prefix) => {
    const element = [...document.querySelectorAll<HTMLElement>('[data-passage-id]')].find((e) =>
      e.textContent?.startsWith(prefix),
    );
    return element?.dataset.passageId;
  }, startsWith);
  if (!id) throw new Error(`no passage starts with ${startsWith}`);
  return `[data-passage-id="${id}"]`;
}

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

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules and its best practices, colour contrast included, plus
 * WCAG 2.2 AA's one rule, that every target is at least 24 × 24 px (or spaced as if it were); returns
 * the violations (rule id and the first targets).
 */
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
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** How far the page scrolls sideways (0 when it fits), and the elements that stick out past the viewport. */
export function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Content inside a box that scrolls or clips (a wide table in its scroll box) does not widen the page.
    const clipped = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement)
        if (getComputedStyle(box).overflowX !== 'visible') return true;
      return false;
    };
    const wider = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { overflow: document.documentElement.scrollWidth - width, wider };
  });
}

/** axeViolations in the light theme, then the dark one (the system's scheme switched under the page). */
export async function axeInBothThemes(page: Page) {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page);
  await page.emulateMedia({ colorScheme: null });
  return { light, dark };
}
