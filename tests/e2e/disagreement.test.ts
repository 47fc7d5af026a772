import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { screenOptions, signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeInBothThemes } from './support/pages';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';
const THREAD = `/threads/${SLUG}`;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** Screenshots for the README are written only when asked (SCREENSHOTS=1), so test runs leave the tree alone. */
const takeScreenshots = process.env.SCREENSHOTS === '1';

describe.skipIf(skipBrowser)('disagreement you can see (production build, real Chromium)', () => {
  const fixture = useApp();
  let readers: { id: string; name: string }[];
  const texts: Record<'disputed' | 'split' | 'calm', string> = { disputed: '', split: '', calm: '' };

  beforeAll(async () => {
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'asc' },
    });
    readers = await Promise.all(['Ann', 'Ben', 'carol', 'carol'].map((name) => insertUser({ name })));
    const [ann, ben, carol1, carol2] = readers;
    const [disputed, split, calm] = [passages[1], passages[3], passages[5]];
    texts.disputed = disputed.text;
    texts.split = split.text;
    texts.calm = calm.text;
    // Disputed: 5 % against 95 % on the same axis, with a crux mark.
    await tagPassage(SLUG, disputed, ann, { axis: 'inner', confidence: 5, crux: true, note: 'Not as stated.' });
    await tagPassage(SLUG, disputed, ben, { axis: 'inner', confidence: 95 });
    await tagPassage(SLUG, disputed, carol1, { axis: 'inner', confidence: 90 });
    // Split over which problem it is, and unsure together whether it is true.
    await tagPassage(SLUG, split, carol1, { axis: 'outer', confidence: 30 });
    await tagPassage(SLUG, split, carol2, { axis: 'inner', confidence: 70 });
    // Calm: they agree it is true, one filing it under outer, the other under both.
    await tagPassage(SLUG, calm, ann, { axis: 'outer', confidence: 80 });
    await tagPassage(SLUG, calm, ben, { axis: 'both', confidence: 85 });
  });

  const markOf = (page: import('playwright-core').Page, text: string) =>
    page.locator('mark.claim-mark', { hasText: text.slice(0, 40) }).first();

  it('frames the disputed claim, stripes the split one, shows a card on hover, fades what the filter leaves out', async () => {
    const context = await signedInContext(
      fixture.browser,
      fixture.app.url,
      readers[0],
      screenOptions({ width: 1366, scheme: 'light' }),
    );
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();
    // The panel says it is loading until the claims arrive, then counts them: never "(0)" beside highlights.
    await page.getByTestId('claims-loading').waitFor({ state: 'detached' });
    expect(await page.locator('#claims-heading').innerText()).toBe('Tagged claims (3)');

    const disputed = markOf(page, texts.disputed);
    expect(await disputed.getAttribute('data-disputed')).toBe('true');
    expect(await disputed.getAttribute('data-crux')).toBe('true');
    expect(await disputed.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe('dashed');
    const split = markOf(page, texts.split);
    expect(await split.getAttribute('data-axis')).toBe('split');
    expect(await split.getAttribute('data-disputed')).toBeNull();
    expect(await split.evaluate((m) => getComputedStyle(m).backgroundImage)).toContain('linear-gradient');
    expect(await split.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe('none');

    await disputed.hover();
    const card = page.getByTestId('claim-hover-card');
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain('Ann');
    expect(shown).toContain('5 % · inner · crux');
    expect(shown).toContain('95 % · inner');
    expect(shown).toMatch(/Spread 0\.\d\d/);
    expect(shown).toContain('1 note · 0 replies');
    expect(shown, 'two accounts named carol are told apart').toMatch(/carol · [0-9a-f]{4}/);
    if (takeScreenshots) await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-disputed-claim.png') });

    await disputed.click();
    await page
      .locator('[data-testid="claim-card"].border-focus, [data-testid="claim-card"][class*="border-focus"]')
      .first()
      .waitFor();

    await page.getByLabel('disputed only').check();
    await page.waitForFunction(() => document.querySelectorAll('mark.claim-mark[data-dim]').length > 0);
    expect(await disputed.getAttribute('data-dim')).toBeNull();
    expect(await split.getAttribute('data-dim')).toBe('true');
    expect(await markOf(page, texts.calm).getAttribute('data-dim')).toBe('true');
    await page.getByLabel('disputed only').uncheck();
    await page.getByLabel('Axis').selectOption('split');
    await page.waitForFunction(() => document.querySelectorAll('mark.claim-mark[data-dim]').length > 0);
    expect(await split.getAttribute('data-dim')).toBeNull();
    expect(await disputed.getAttribute('data-dim')).toBe('true');
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForFunction(() => document.querySelectorAll('mark.claim-mark[data-dim]').length === 0);

    const { light, dark } = await axeInBothThemes(page);
    expect(light, 'light').toEqual([]);
    expect(dark, 'dark').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('jumps from crux to crux with n and p, in crux-score order, showing each one’s card', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url, viewport: { width: 1366, height: 900 } });
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.locator('[data-status="live"]').waitFor();
    await page.getByText(/\d+ cruxes?$/).waitFor();
    await page.locator('section.reader-text').focus();
    await page.keyboard.press('n');
    const card = page.getByTestId('claim-hover-card');
    await card.waitFor();
    expect(await card.innerText(), 'the top crux first').toContain(texts.disputed.slice(0, 30));
    expect(await page.getByText(/^Crux 1 of \d+$/).count()).toBe(1);
    await page.keyboard.press('n');
    await page.getByText(/^Crux 2 of \d+$/).waitFor();
    expect(await card.innerText()).toContain(texts.split.slice(0, 30));
    await page.keyboard.press('p');
    await page.getByText(/^Crux 1 of \d+$/).waitFor();
    expect(await card.innerText()).toContain(texts.disputed.slice(0, 30));
    await page.getByRole('button', { name: /Next crux/ }).click();
    await page.getByText(/^Crux 2 of \d+$/).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts a crux map on the crux page whose dots link to the claims, and a split group', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url, viewport: { width: 1366, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`/threads/${SLUG}/cruxes`);
    const map = page.getByTestId('crux-map');
    await map.waitFor();
    const dots = map.locator('svg a');
    expect(await dots.count()).toBeGreaterThanOrEqual(3);
    // Every dot takes its group's colour (a class Tailwind did not generate would leave it black).
    const fills = await map
      .locator('.map-dot')
      .evaluateAll((dots) =>
        dots
          .flatMap((dot) => (dot.tagName === 'g' ? [...dot.querySelectorAll('path')] : [dot]))
          .map((shape) => getComputedStyle(shape).fill),
      );
    expect(fills.length).toBeGreaterThanOrEqual(3);
    expect(fills.filter((fill) => fill === 'rgb(0, 0, 0)')).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Split between outer and inner' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Both outer and inner' }).count()).toBe(0);
    const ranks = await page
      .getByTestId('crux-card')
      .evaluateAll((cards) => cards.map((card) => Number(/#(\d+)/.exec(card.textContent ?? '')?.[1])));
    expect(ranks[0]).toBe(1);
    if (takeScreenshots) await map.screenshot({ path: path.join(SCREENSHOTS, 'crux-map.png') });
    const first = dots.first();
    const href = (await first.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^/threads/${SLUG}\\?claim=[0-9a-f-]+#p-\\d+$`));
    await first.click();
    await page.waitForURL(/\/threads\/.*claim=/);
    await page.locator('mark.claim-mark.flash').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
