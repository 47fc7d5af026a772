import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { axeViolations } from './support/pages';
import { useApp } from './support/fixture';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';

describe.skipIf(skipBrowser)('search and crux summary (production build, real Chromium)', () => {
  const fixture = useApp();

  it('searches, filters, and follows a hit into the reader, which scrolls to it and flashes it', async () => {
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'asc' },
    });
    const users = await Promise.all(['Ann', 'Ben', 'Cal'].map((name) => insertUser({ name })));
    const rlhf = passages.find((p) => p.text.startsWith('(2) I do think RLHF-like solutions are doomed'))!;
    const spam = passages.find((p) => p.text.startsWith('It’s hard to write spam'))!;
    await tagPassage(SLUG, rlhf, users[0], { axis: 'outer', confidence: 10, crux: true });
    await tagPassage(SLUG, rlhf, users[1], { axis: 'outer', confidence: 90 });
    await tagPassage(SLUG, spam, users[2], { axis: 'inner', confidence: 60 });

    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto('/claims');
    await page.getByLabel('Search claims and notes').fill('RLHF doomed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=RLHF/);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    expect(await hits.count()).toBe(1);
    expect(await hits.first().locator('mark').first().innerText()).toBe('RLHF');
    const signInToSave = page.locator('p', { hasText: 'to save searches' }).getByRole('link', { name: 'Sign in' });
    expect(decodeURIComponent((await signInToSave.getAttribute('href')) ?? '')).toMatch(
      /^\/signin\?next=\/claims\?q=RLHF\+doomed(&|$)/,
    );

    await page.getByLabel('Search claims and notes').fill('');
    await page.getByRole('checkbox', { name: 'inner' }).check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/axis=inner/);
    expect(await hits.count()).toBe(1);
    expect(await hits.first().innerText()).toContain('It’s hard to write spam');
    await page.goBack();
    await page.waitForURL(/q=RLHF/);

    await hits.first().locator('a').click();
    await page.waitForURL(/\/threads\/.*claim=/);
    const flashed = page.locator('mark.claim-mark.flash');
    await flashed.first().waitFor();
    expect(await flashed.first().innerText()).toContain('RLHF-like solutions');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps only the set fields in the address, names a corrected word, and applies a facet in one click', async () => {
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'asc' },
    });
    const [eve, fay] = await Promise.all(['Eve', 'Fay'].map((name) => insertUser({ name })));
    const rlhf = passages.find((p) => p.text.startsWith('(2) I do think RLHF-like solutions are doomed'))!;
    const spam = passages.find((p) => p.text.startsWith('It’s hard to write spam'))!;
    await tagPassage(SLUG, rlhf, eve, { axis: 'outer', confidence: 20 });
    await tagPassage(SLUG, spam, fay, { axis: 'inner', confidence: 70 });

    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto('/claims');
    await page.getByLabel('Search claims and notes').fill('dommed');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=dommed/);
    expect(new URL(page.url()).search, 'the empty fields and defaults of the form are left out').toBe('?q=dommed');
    const notice = page.locator('p', { hasText: 'showing results for' });
    expect(await notice.getByRole('link').first().innerText()).toBe('doomed');
    expect(await page.getByTestId('search-hit').first().innerText()).toContain('RLHF-like solutions');
    await notice.getByRole('link', { name: 'Search only for the words as typed' }).click();
    await page.waitForURL(/verbatim=true/);
    expect(await page.getByTestId('search-hit').count()).toBe(0);
    expect(await page.locator('#results-heading').innerText()).toBe('0 claims');

    await page.goto('/claims');
    const total = await page.getByTestId('search-hit').count();
    expect(total).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: /inner claims: show only these/ }).click();
    await page.waitForURL(/\/claims\?axis=inner$/);
    const inner = page.getByTestId('search-hit');
    expect(await inner.count()).toBeLessThan(total);
    expect(await inner.first().innerText()).toContain('It’s hard to write spam');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a search, lists it, follows it back, and deletes it', async () => {
    const user = await insertUser({ name: 'Dana Saver' });
    const context = await signedInContext(fixture.browser, fixture.app.url, user);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto('/claims?q=RLHF+doomed&axis=outer');
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByRole('link', { name: 'First page' }).count(), 'no way "back" from the first page').toBe(0);
    await page.getByLabel('Save this search as').fill('RLHF on the outer axis');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const link = page.getByRole('link', { name: 'RLHF on the outer axis' });
    await link.waitFor();
    expect(await page.getByRole('status').innerText()).toContain('Saved as');
    expect(await axeViolations(page), 'the search page with its saved searches').toEqual([]);

    await page.goto('/claims');
    await page.getByRole('link', { name: 'RLHF on the outer axis' }).click();
    await page.waitForURL(/q=RLHF\+doomed&axis=outer/);
    expect(await page.getByTestId('search-hit').first().innerText()).toContain('RLHF-like solutions');

    await page.getByRole('button', { name: 'Delete saved search RLHF on the outer axis' }).click();
    await page.getByRole('link', { name: 'RLHF on the outer axis' }).waitFor({ state: 'detached' });
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the crux page and downloads its Markdown', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url, acceptDownloads: true });
    const problems = watchPage(page);
    await page.goto(`/threads/${SLUG}/cruxes?minTaggers=2`);
    const card = page.getByTestId('crux-card').first();
    await card.waitFor();
    expect(await card.innerText()).toContain('RLHF-like solutions are doomed');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('tagger-grid').innerText()).toContain('Ann');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Markdown' }).click(),
    ]);
    const file = await download.path();
    const markdown = await readFile(file, 'utf8');
    expect(path.extname(download.suggestedFilename())).toBe('.md');
    expect(markdown).toMatch(/^# /m);
    expect(markdown).toContain('RLHF-like solutions are doomed');
    expect(problems).toEqual([]);
    await page.close();
  });
});
