import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { insertUser } from '../support/factories';
import { sessionCookie } from '../support/session';
import { tagPassage } from '../support/tagging';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { passageSelectorFor, selectWithMouse } from './support/pages';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';
const THREAD = `/threads/${SLUG}`;

describe.skipIf(skipBrowser)('the reader (production build, real Chromium)', () => {
  const fixture = useApp();

  it('signs up, signs out, signs in again through the forms', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Ada Reader');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel(/Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe('Ada Reader');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.goto('/signin');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    await page.close();
  });

  it('tags a span selected with the mouse, and a second reader sees it appear without reloading', async () => {
    const [alice, bob] = await Promise.all([insertUser({ name: 'Alice' }), insertUser({ name: 'Bob' })]);
    const aliceContext = await signedInContext(fixture.browser, fixture.app.url, alice);
    const bobContext = await signedInContext(fixture.browser, fixture.app.url, bob);
    const page = await aliceContext.newPage();
    const other = await bobContext.newPage();
    const problems = [watchPage(page), watchPage(other)];
    await Promise.all([page.goto(THREAD), other.goto(THREAD)]);
    await other.getByText('Live: tags from everyone').waitFor();
    await page.getByText('Live: tags from everyone').waitFor();

    const passage = await passageSelectorFor(page, 'That’s not quite my position.');
    await selectWithMouse(page, passage, 0, 29);
    await page.getByRole('button', { name: 'Tag this (t)' }).click();
    const box = page.getByTestId('tag-box');
    await box.waitFor();
    expect(await box.locator('blockquote').innerText()).toBe('That’s not quite my position.');
    await box.getByLabel('Inner alignment').check();
    await box.getByLabel(/Note/).fill('Needs **§2.4.2** to be read first.');
    await box.getByRole('button', { name: /Save/ }).click();
    await box.waitFor({ state: 'detached' });

    await page.locator(`${passage} mark.claim-mark[data-axis="inner"]`).waitFor();
    const card = other.getByTestId('claim-card').filter({ hasText: 'That’s not quite my position.' });
    await card.waitFor({ timeout: 5_000 });
    expect(await card.innerText()).toContain('Alice: inner');
    expect(await card.locator('.note strong').innerText()).toBe('§2.4.2');
    await other.locator(`${passage} mark.claim-mark`).waitFor();
    expect(problems.flat()).toEqual([]);
    await aliceContext.close();
    await bobContext.close();
  });

  it('tags a sentence with the keyboard alone', async () => {
    const carol = await insertUser({ name: 'Carol' });
    const context = await signedInContext(fixture.browser, fixture.app.url, carol);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.getByText('Live: tags from everyone').waitFor();
    const text = page.getByRole('region', { name: /Thread text/ });
    await text.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('t');
    const box = page.getByTestId('tag-box');
    await box.waitFor();
    const quote = await box.locator('blockquote').innerText();
    for (const key of ['o', '8', 'c', 'k']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'detached' });
    const card = page.getByTestId('claim-card').filter({ hasText: quote.slice(0, 30) });
    await card.waitFor();
    expect(await card.getByTestId('tag-row').innerText()).toBe('Carol: outer, 80 %, story needed, crux');
    const stored = await db.tag.findFirstOrThrow({ where: { userId: carol.id } });
    expect(stored).toMatchObject({ axis: 'outer', confidence: 80, concreteStoryNeeded: true, crux: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('deletes a tag without asking, brings it back with Undo, and shows the claim’s history', async () => {
    const dora = await insertUser({ name: 'Dora' });
    const context = await signedInContext(fixture.browser, fixture.app.url, dora);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(THREAD);
    await page.getByText('Live: tags from everyone').waitFor();
    const text = page.getByRole('region', { name: /Thread text/ });
    await text.focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 't']) await page.keyboard.press(key);
    const box = page.getByTestId('tag-box');
    await box.waitFor();
    const quote = await box.locator('blockquote').innerText();
    for (const key of ['i', '3']) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'detached' });
    const card = page.getByTestId('claim-card').filter({ hasText: quote.slice(0, 30) });
    const claimId = (await card.getAttribute('id'))?.replace(/^claim-/, '');
    const marks = page.locator(`mark.claim-mark[data-claim-ids~="${claimId}"]`);
    await marks.first().waitFor();
    await card.getByRole('button', { name: 'Edit my tag' }).click();
    await box.getByRole('button', { name: 'Delete my tag' }).click();
    await box.waitFor({ state: 'detached' });
    // The claim's last tag gone, its highlight goes with it; Undo brings both back.
    await marks.first().waitFor({ state: 'detached' });
    const toast = page.getByRole('status').filter({ hasText: 'was deleted' });
    await toast.waitFor();
    expect(await db.tag.findFirstOrThrow({ where: { userId: dora.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.waitFor({ state: 'detached' });
    await card.getByTestId('tag-row').filter({ hasText: 'Dora: inner, 30 %' }).waitFor();
    await marks.first().waitFor();
    expect(await db.tag.findFirstOrThrow({ where: { userId: dora.id } })).toMatchObject({
      deletedAt: null,
      version: 3,
    });

    await card.getByText('History').click();
    const rows = card.getByTestId('history-row');
    await rows.nth(2).waitFor();
    expect((await rows.allInnerTexts()).map((row) => row.replace(/^.*?(Dora)/, '$1'))).toEqual([
      'Dora tagged inner, 30 %',
      'Dora deleted the tag',
      'Dora restored inner, 30 %',
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('maps where the tagged claims sit beside the text, and jumps there on a click', async () => {
    const [eli, fin] = await Promise.all(['Eli', 'Fin'].map((name) => insertUser({ name })));
    const last = await db.passage.findFirstOrThrow({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'desc' },
    });
    await tagPassage(SLUG, last, eli, { axis: 'outer', confidence: 5 });
    await tagPassage(SLUG, last, fin, { axis: 'inner', confidence: 95 });
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url, viewport: { width: 1366, height: 900 } });
    const problems = watchPage(page);
    await page.goto(THREAD);
    const minimap = page.getByTestId('minimap');
    const ticks = minimap.locator('.minimap-tick');
    await ticks.first().waitFor();
    // The last paragraph's claim, split 5 % against 95 %, is disputed: its tick stands out near the bottom.
    const disputed = minimap.locator('.minimap-tick[data-disputed]').last();
    const top = await disputed.evaluate((tick) => Number.parseFloat((tick as HTMLElement).style.top));
    expect(top).toBeGreaterThan(50);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await minimap.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + (box.height * top) / 100);
    await page.waitForFunction(() => window.scrollY > 0);
    const mark = page.locator(`[data-passage-id="${last.id}"] mark.claim-mark`).first();
    const inView = await mark.evaluate((m) => {
      const rect = m.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < window.innerHeight;
    });
    expect(inView, 'the clicked claim is on screen').toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the original text exactly as ingested, line by line', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    await page.goto(THREAD);
    await page.getByRole('link', { name: 'Original text' }).click();
    const lines = page.locator('.original-text li');
    await lines.first().waitFor();
    expect(await lines.count()).toBe(50);
    expect(await lines.nth(21).locator('.line-text').innerText()).toBe(
      await lines.nth(10).locator('.line-text').innerText(),
    );
    const download = await (
      await fetch(
        `${fixture.app.url}/api/threads/in-the-post-you-say-that-human-programmers-will-write-the-ai/original`,
      )
    ).text();
    const { readFileSync } = await import('node:fs');
    expect(download).toBe(readFileSync('prisma/seed-data/001_02f28600875fb374.txt', 'utf8'));
    await page.close();
  });

  it('loads imported annotations and announces a new revision while the thread is open', async () => {
    const text = 'Inner alignment fails first.\nOuter alignment is a specification problem.\n';
    const first = await ingestThread({ bytes: Buffer.from(text), format: 'text', sourceName: 'live-import.txt' });
    const importer = await insertUser({ name: 'Importer' });
    // A reader of the same post on Hypothesis, tagging with this site's fields.
    const hypothesis = {
      total: 1,
      rows: [
        {
          id: 'live-1',
          user: 'acct:nora@hypothes.is',
          user_info: { display_name: 'Nora' },
          uri: 'https://www.lesswrong.com/posts/live',
          text: 'Imported note',
          tags: ['axis:outer', 'confidence:35'],
          target: [
            {
              source: 'https://www.lesswrong.com/posts/live',
              selector: [{ type: 'TextQuoteSelector', exact: 'Outer alignment is a specification problem.' }],
            },
          ],
        },
      ],
    };

    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto(`/threads/${first.slug}`);
    await page.getByText('Live: tags from everyone').waitFor();
    expect(await page.getByTestId('claim-card').count()).toBe(0);

    const imported = await fetch(`${fixture.app.url}/api/annotations/import?thread=${first.slug}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: await sessionCookie(importer),
        origin: fixture.app.url,
      },
      body: JSON.stringify(hypothesis),
    });
    expect(imported.status).toBe(201);
    const card = page.getByTestId('claim-card').filter({ hasText: 'Outer alignment is a specification problem.' });
    await card.waitFor({ timeout: 5_000 });
    expect(await card.innerText()).toContain('Nora · hypothes.is: outer, 35 %');

    await ingestThread({
      bytes: Buffer.from(`${text}A third paragraph arrives in the next version.\n`),
      format: 'text',
      sourceName: 'live-import.txt',
    });
    const notice = page.getByRole('status').filter({ hasText: 'newer version of this thread (revision 2)' });
    await notice.waitFor({ timeout: 5_000 });
    await notice.getByRole('link', { name: 'Reload to read it' }).click();
    await page.getByText('A third paragraph arrives in the next version.').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists a long thread’s claims a page at a time, and edits a tag’s note as written', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Claim number ${i + 1} of the long thread stands here.`);
    const thread = await ingestThread({
      bytes: Buffer.from(`${lines.join('\n')}\n`),
      format: 'text',
      sourceName: 'long-panel.txt',
    });
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: thread.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    const [gus, hal] = await Promise.all(['Gus', 'Hal'].map((name) => insertUser({ name })));
    for (const passage of passages) await tagPassage(thread.slug, passage, hal, { axis: 'other', confidence: 40 });
    const note = '**Bold** claim, as _written_ [here](https://example.com).';
    await tagPassage(thread.slug, passages[54], gus, { axis: 'inner', confidence: 70, note });

    const context = await signedInContext(fixture.browser, fixture.app.url, gus);
    const page = await context.newPage();
    const problems = watchPage(page);
    const response = await page.goto(`/threads/${thread.slug}`);
    // The page has the browser fetch the list as it arrives; the reader takes that answer, asking no second time.
    expect(response?.headers().link).toContain(
      `</api/threads/${thread.slug}/claims/summary>; rel=preload; as=fetch; crossorigin=anonymous`,
    );
    await page.getByText('Live: tags from everyone').waitFor();
    expect(await page.locator('#claims-heading').innerText()).toBe('Tagged claims (60)');
    const lists = await page.evaluate(
      () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/claims/summary')).length,
    );
    expect(lists).toBe(1);
    const cards = page.getByTestId('claim-card');
    expect(await cards.count()).toBe(40);
    const more = page.getByRole('button', { name: 'Show more claims (20 not shown yet)' });
    await more.waitFor();

    // A claim chosen in the text past the first page is drawn and brought into view in the panel.
    await page.locator('mark.claim-mark').filter({ hasText: 'Claim number 55 ' }).click();
    const chosen = cards.filter({ hasText: 'Claim number 55 ' });
    await chosen.waitFor();
    expect(await chosen.getAttribute('class')).toContain('border-focus');

    expect(await cards.count()).toBe(55);

    // The end of the list coming into view draws the rest.
    const rest = page.getByRole('button', { name: 'Show more claims (5 not shown yet)' });
    await rest.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="claim-card"]').length === 60);
    expect(await rest.count()).toBe(0);

    // The list carries notes rendered; the box edits the note as it was written.
    await chosen.getByRole('button', { name: 'Edit my tag' }).click();
    const box = page.getByTestId('tag-box');
    await box.waitFor();
    expect(await box.locator('textarea').inputValue()).toBe(note);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the uploader rename a thread in place, and nobody else', async () => {
    const [ivy, jon] = await Promise.all(['Ivy', 'Jon'].map((name) => insertUser({ name })));
    const thread = await ingestThread({
      bytes: Buffer.from('A first line that makes a poor title.\nA second line.\n'),
      format: 'text',
      sourceName: 'rename-me.txt',
      createdById: ivy.id,
    });
    const other = await signedInContext(fixture.browser, fixture.app.url, jon);
    const otherPage = await other.newPage();
    await otherPage.goto(`/threads/${thread.slug}`);
    await otherPage.getByRole('heading', { level: 1 }).waitFor();
    expect(await otherPage.getByRole('button', { name: /^Rename/ }).count()).toBe(0);
    await other.close();

    const context = await signedInContext(fixture.browser, fixture.app.url, ivy);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`/threads/${thread.slug}`);
    await page.getByRole('button', { name: /^Rename the thread/ }).click();
    const field = page.getByLabel('New title');
    await field.fill('   ');
    await page.getByRole('button', { name: 'Save title' }).click();
    // The browser refuses a blank title before it is sent; a title of spaces is the server's to refuse.
    await page.getByRole('alert').filter({ hasText: 'title must not be empty.' }).waitFor();
    await field.fill('Why reward functions are hard to write');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.getByRole('heading', { level: 1, name: 'Why reward functions are hard to write' }).waitFor();
    expect((await db.thread.findUniqueOrThrow({ where: { slug: thread.slug } })).title).toBe(
      'Why reward functions are hard to write',
    );
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
    await context.close();
  });
});
