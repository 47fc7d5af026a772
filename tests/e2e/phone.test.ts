import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { screenOptions, signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeInBothThemes } from './support/pages';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';
const THREAD = `/threads/${SLUG}`;
const PHONE = screenOptions({ width: 390, scheme: 'light' });
const HEIGHT = 844;
const NO_VIOLATIONS = { light: [], dark: [] };

/** The element lies wholly inside the phone's screen, not somewhere down the page. */
async function onScreen(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'shown').not.toBeNull();
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(HEIGHT);
}

/**
 * Selects characters [start, end) of the passage whose text starts with `prefix` as a touch
 * reader does: a long press picks the first word, then the handle is dragged on word by word.
 * Headless Chromium does not turn a long press into a selection itself, so the selection is moved
 * the way the browser moves it: selectionchange after selectionchange, and no mouse event at all.
 */
async function selectByTouch(page: Page, prefix: string, start: number, end: number) {
  await page.evaluate(
    async ({ prefix, start, end }) => {
      const passage = [...document.querySelectorAll<HTMLElement>('[data-passage-id]')].find((e) =>
        e.textContent?.startsWith(prefix),
      );
      const node = passage?.firstChild;
      if (!node) throw new Error(`no passage starts with ${prefix}`);
      passage.scrollIntoView({ block: 'center' });
      const text = node.textContent ?? '';
      const stops = [...text.slice(start, end).matchAll(/\S+/g)].map((m) => start + m.index + m[0].length);
      for (const stop of stops) {
        window.getSelection()?.setBaseAndExtent(node, start, node, stop);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    },
    { prefix, start, end },
  );
}

describe.skipIf(skipBrowser)('on a phone (390 × 844, touch; production build, real Chromium)', () => {
  const fixture = useApp();

  it('tags a claim by touch, from a selection to saved, with the tag box on screen', async () => {
    const reader = await insertUser({ name: 'Phone Reader' });
    const context = await signedInContext(fixture.browser, fixture.app.url, reader, PHONE);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();

    await selectByTouch(page, 'Per §2.4.2, I think that both outer alignment', 11, 45);
    const sheet = page.getByRole('region', { name: 'Tagging' });
    const candidate = sheet.getByTestId('candidate');
    await candidate.getByText('“I think that both outer alignment”').waitFor();
    await onScreen(candidate);
    await sheet.getByRole('button', { name: 'Tag this' }).tap();

    const box = page.getByTestId('tag-box');
    await box.waitFor();
    await onScreen(box);
    expect(await box.locator('blockquote').innerText()).toBe('I think that both outer alignment');
    expect(await axeInBothThemes(page), 'with the tag box open').toEqual(NO_VIOLATIONS);
    await box.getByLabel('Inner alignment').tap();
    await box.getByLabel('Crux (k)').tap();
    await box.getByRole('button', { name: /Save/ }).tap();
    await box.waitFor({ state: 'detached' });

    await page
      .locator('mark.claim-mark[data-axis="inner"]', { hasText: 'I think that both outer alignment' })
      .waitFor();
    const claim = await db.claim.findFirstOrThrow({ where: { tags: { some: { userId: reader.id } } } });
    expect(claim.exact).toBe('I think that both outer alignment');
    expect(await db.tag.findFirstOrThrow({ where: { userId: reader.id } })).toMatchObject({
      axis: 'inner',
      crux: true,
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a tapped sentence opens the tagging sheet; the claims panel opens as a sheet; the header folds into a menu', async () => {
    const [reader, other] = await Promise.all([insertUser({ name: 'Tapper' }), insertUser({ name: 'Other' })]);
    const tagged = await db.passage.findFirstOrThrow({
      where: {
        revision: { thread: { slug: SLUG } },
        text: { startsWith: 'I also think that a good AGI reward function' },
      },
    });
    await tagPassage(SLUG, tagged, other, { axis: 'outer', confidence: 70 });
    const context = await signedInContext(fixture.browser, fixture.app.url, reader, PHONE);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();

    const passage = page.locator('[data-passage-id]', { hasText: 'That’s not quite my position.' });
    await passage.tap();
    const candidate = page.getByRole('region', { name: 'Tagging' }).getByTestId('candidate');
    await candidate.getByText('“That’s not quite my position.”').waitFor();
    await onScreen(candidate);
    expect(await axeInBothThemes(page), 'with a sentence chosen').toEqual(NO_VIOLATIONS);

    await page.getByRole('button', { name: /^Claims \(\d+\)$/ }).tap();
    const panel = page.getByRole('dialog', { name: 'Claims' });
    await panel.waitFor();
    await onScreen(panel.getByRole('heading', { name: /Tagged claims/ }));
    expect(await axeInBothThemes(page), 'with the claims sheet open').toEqual(NO_VIOLATIONS);
    const card = panel.getByTestId('claim-card').filter({ hasText: 'I also think that a good AGI reward function' });
    await card.getByRole('button', { name: /I also think that a good AGI reward function/ }).tap();
    await panel.waitFor({ state: 'hidden' });
    await candidate.getByText(/^“I also think that a good AGI reward function/).waitFor();

    // Every link and chip in the text is a target a finger can hit.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('.passage-number, .quoted-badge a, .quote-chip > summary, .reply-link')]
        .map((element) => element.getBoundingClientRect())
        .filter((rect) => rect.width > 0 && (rect.width < 24 || rect.height < 24))
        .map((rect) => `${Math.round(rect.width)}×${Math.round(rect.height)}`),
    );
    expect(small).toEqual([]);
    expect(await page.locator('.quoted-badge a').count()).toBeGreaterThan(0);

    expect(await page.getByRole('link', { name: 'Search claims' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('link', { name: 'Search claims' }).tap();
    await page.waitForURL(/\/claims$/);
    expect(await page.getByRole('link', { name: 'Cruxes' }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
