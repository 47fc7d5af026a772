import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { putTag } from '@/lib/server/claims/put-tag';
import { insertUser } from '../support/factories';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeInBothThemes } from './support/pages';

const THREAD = '/threads/in-the-post-you-say-that-human-programmers-will-write-the-ai';
const NO_TAG = { confidence: null, concreteStoryNeeded: false, crux: false, note: '', labels: [] };

/** What has the focus: its role or tag and its accessible label or text, e.g. "section Thread text…". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const name = element.getAttribute('aria-label') ?? element.innerText ?? '';
    return `${element.tagName.toLowerCase()} ${name.slice(0, 40)}`.trim();
  });

describe.skipIf(skipBrowser)('by keyboard alone (production build, real Chromium)', () => {
  const fixture = useApp();

  it('tabs to the text, tags part of a sentence word by word, and gets the focus back', async () => {
    const reader = await insertUser({ name: 'Keys' });
    const context = await signedInContext(fixture.browser, fixture.app.url, reader);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();

    for (let tabs = 0; !(await focused(page)).startsWith('section Thread text'); tabs++) {
      expect(tabs, 'the thread text is reachable by Tab').toBeLessThan(25);
      await page.keyboard.press('Tab');
    }
    const selected = page.getByText(/^Selected: /);
    await page.keyboard.press('j');
    expect(await selected.innerText()).toMatch(/^Selected: In the post you say that human programmers.*problem\)\.$/);
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await selected.innerText()).toBe('Selected: In the post you say');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await selected.innerText()).toBe('Selected: In the post you');

    await page.keyboard.press('t');
    const box = page.getByTestId('tag-box');
    await box.waitFor();
    expect(await box.locator('blockquote').innerText()).toBe('In the post you');
    expect(await axeInBothThemes(page), 'with the tag box open').toEqual({ light: [], dark: [] });
    await page.keyboard.press('i');
    await page.keyboard.press('1');
    // Enter saves from a one-line field too; in the labels field letters type, not pick an axis.
    await box.getByLabel(/Labels/).focus();
    await page.keyboard.type('framing');
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^section Thread text/);
    const claim = await db.claim.findFirstOrThrow({ where: { tags: { some: { userId: reader.id } } } });
    expect(claim.exact).toBe('In the post you');
    expect(await db.tag.findFirstOrThrow({ where: { userId: reader.id } })).toMatchObject({
      axis: 'inner',
      confidence: 10,
      labels: ['framing'],
    });

    // Screen readers hear each highlight's name, drawn live and after a reload alike.
    const mark = page.locator('mark.claim-mark', { hasText: 'In the post you' });
    expect(await mark.ariaSnapshot()).toContain('claim, inner, 1 tagger: In the post you');
    const other = await insertUser({ name: 'Doubter' });
    await putTag(claim.id, { ...other, role: 'USER' }, { ...NO_TAG, axis: 'inner', confidence: 95 });
    await expect.poll(() => mark.ariaSnapshot()).toContain('claim, inner, disputed, 2 taggers: In the post you');
    await page.reload();
    await page.locator('[data-status="live"]').waitFor();
    expect(await mark.ariaSnapshot()).toContain('claim, inner, disputed, 2 taggers: In the post you');
    await page.getByRole('region', { name: /Thread text/ }).focus();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');

    // In the note Enter is a new line and ? a question mark; Ctrl+Enter saves.
    await page.keyboard.press('t');
    await box.waitFor();
    await box.getByLabel(/Note/).focus();
    await page.keyboard.type('Whose post?');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second line');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
    await page.keyboard.press('Control+Enter');
    await box.waitFor({ state: 'detached' });
    expect((await db.tag.findFirstOrThrow({ where: { userId: reader.id } })).note).toBe('Whose post?\nsecond line');
    expect(await focused(page)).toMatch(/^section Thread text/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the shortcuts with ? (and from the visible link), skips to the claims panel and back', async () => {
    const reader = await insertUser({ name: 'Skipper' });
    const context = await signedInContext(fixture.browser, fixture.app.url, reader);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();
    const text = page.getByRole('region', { name: /Thread text/ });
    await text.focus();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (const key of ['Shift+→', 'Ctrl+Enter', '⌘+Enter', 't', 'o'])
      expect(await dialog.locator('kbd', { hasText: key }).count(), key).toBeGreaterThan(0);
    expect(await axeInBothThemes(page), 'with the shortcuts open').toEqual({ light: [], dark: [] });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatch(/^section Thread text/);

    const link = page.getByRole('button', { name: 'Keyboard shortcuts' }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('button Keyboard shortcuts');

    await text.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a Skip to claims panel');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claims-panel');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button Back to the text');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^section Thread text/);
    expect(await dialog.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
