import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { createReply } from '@/lib/server/replies/replies';
import { insertThread, insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeInBothThemes } from './support/pages';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';

describe.skipIf(skipBrowser)('replies, the inbox and double crux (production build, real Chromium)', () => {
  const fixture = useApp();

  it('a reply edited and deleted by its author, each change seen live by another reader; no one else may', async () => {
    const [tess, rory] = await Promise.all(['Tess Tagger', 'Rory Replier'].map((name) => insertUser({ name })));
    const passage = await db.passage.findFirstOrThrow({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'desc' },
    });
    await tagPassage(SLUG, passage, tess, { axis: 'outer', confidence: 30 });
    const contexts = await Promise.all(
      [tess, rory].map((user) => signedInContext(fixture.browser, fixture.app.url, user)),
    );
    const [watcher, author] = await Promise.all(contexts.map((c) => c.newPage()));
    const problems = [watcher, author].map((page) => watchPage(page));
    const cards = [watcher, author].map((page) =>
      page.getByTestId('claim-card').filter({ hasText: passage.text.slice(0, 40) }),
    );
    for (const [n, page] of [watcher, author].entries()) {
      await page.goto(`/threads/${SLUG}`);
      await page.getByText('Live: tags from everyone').waitFor();
      await cards[n].getByText(/^Replies \(/).click();
    }
    const [watching, writing] = cards;

    await writing.getByLabel('Write a reply').fill('A first **draft**.');
    await writing.getByRole('button', { name: 'Reply', exact: true }).click();
    const seen = watching.getByTestId('reply').filter({ hasText: 'A first draft.' });
    await seen.waitFor({ timeout: 5_000 });
    expect(await seen.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    const mine = writing.getByTestId('reply').filter({ hasText: 'A first draft.' });
    await mine.getByRole('button', { name: 'Edit' }).click();
    await writing.getByLabel('Edit your reply').fill('A second _draft_.');
    await writing.getByRole('button', { name: 'Save reply' }).click();
    const edited = watching.getByTestId('reply').filter({ hasText: 'A second draft.' });
    await edited.waitFor({ timeout: 5_000 });
    expect(await edited.innerText()).toContain('(edited)');
    expect(await edited.locator('em').innerText()).toBe('draft');
    const stored = await db.reply.findFirstOrThrow({
      where: { authorId: rory.id },
      include: { revisions: true },
    });
    expect(stored.revisions.map((r) => r.body)).toContain('A first **draft**.');

    await writing
      .getByTestId('reply')
      .filter({ hasText: 'A second draft.' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await edited.waitFor({ state: 'detached', timeout: 5_000 });
    await watching.getByText('Replies (0)').waitFor();
    expect((await db.reply.findUniqueOrThrow({ where: { id: stored.id } })).deletedAt).not.toBeNull();

    expect(problems.flat()).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  });

  it('the inbox marks new replies unread until marked read, shows a new one live, and tells two repliers of one name apart', async () => {
    const [ida, bea, twin] = await Promise.all(
      ['Ida Inbox', 'Bea Replier', 'Bea Replier'].map((name) => insertUser({ name })),
    );
    const passage = await db.passage.findFirstOrThrow({
      where: { revision: { thread: { slug: SLUG } } },
      orderBy: { ordinal: 'asc' },
      skip: 2,
    });
    const claim = await tagPassage(SLUG, passage, ida, { axis: 'inner', confidence: 60 });
    await createReply(claim.id, { ...bea, role: 'USER' }, { body: 'Bea’s first word.' });
    await createReply(claim.id, { ...twin, role: 'USER' }, { body: 'The other Bea speaks.' });
    const context = await signedInContext(fixture.browser, fixture.app.url, ida);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto('/inbox');
    const items = page.getByTestId('inbox-item');
    await page.getByText('2 unread.').waitFor();
    expect(await items.count()).toBe(2);
    expect(await page.locator('[data-testid="inbox-item"][data-unread="true"]').count()).toBe(2);
    expect(await items.nth(0).innerText()).toMatch(/Bea Replier · [0-9a-f]{4,} on/);
    expect(await items.nth(1).innerText()).toMatch(/Bea Replier · [0-9a-f]{4,} on/);

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('0 unread.').waitFor();
    expect(await page.locator('[data-unread="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
    await page.reload();
    await page.getByText('0 unread.').waitFor();

    // A new reply shows without a reload.
    await page.locator('[data-testid="inbox-status"][data-status="live"]').waitFor();
    await createReply(claim.id, { ...bea, role: 'USER' }, { body: 'Bea again, later.' });
    await page.getByText('1 unread.').waitFor({ timeout: 5_000 });
    expect(await items.nth(0).getAttribute('data-unread')).toBe('true');
    expect(await items.nth(0).innerText()).toContain('Bea again, later.');
    expect(await items.nth(1).getAttribute('data-unread')).toBeNull();
    // The reply's link opens the claim in its thread.
    expect(await items.nth(0).getByRole('link').getAttribute('href')).toBe(
      `/threads/${SLUG}?claim=${claim.id}#p-${passage.ordinal + 1}`,
    );

    expect(problems).toEqual([]);
    await context.close();
  });

  it('double crux: from the crux page to two camps of readers, widest gap first, with its Markdown', async () => {
    const [ann, bo, cy] = await Promise.all(['Ann Camp', 'Bo Camp', 'Cy Camp'].map((name) => insertUser({ name })));
    const { thread, passages } = await insertThread(
      ['Scaling is enough.', 'Evals will catch it.', 'Interpretability scales.'],
      'double-crux-camps',
    );
    const rate = [
      [0, ann, 10, true],
      [0, bo, 90, false],
      [0, cy, 70, false],
      [1, ann, 50, false],
      [1, bo, 60, false],
      [2, ann, 80, false],
      [2, cy, 20, false],
    ] as const;
    for (const [p, user, confidence, crux] of rate)
      await tagPassage(thread.slug, passages[p], user, { axis: 'inner', confidence, crux });

    const context = await fixture.browser.newContext({ baseURL: fixture.app.url });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`/threads/${thread.slug}/cruxes`);
    await Promise.all([page.waitForURL('**/cruxes/double?**'), page.getByText('Compare two readers').click()]);
    expect(new URL(page.url()).searchParams.get('thread')).toBe(thread.slug);

    await page
      .getByRole('group', { name: /Side A/ })
      .getByLabel('Ann Camp')
      .check();
    for (const name of ['Bo Camp', 'Cy Camp'])
      await page
        .getByRole('group', { name: /Side B/ })
        .getByLabel(name)
        .check();
    await Promise.all([page.waitForURL(/a=/), page.getByRole('button', { name: 'Compare' }).click()]);

    const claims = page.getByRole('listitem').filter({ has: page.locator('blockquote') });
    expect(await claims.count()).toBe(3);
    const texts = await claims.locator('blockquote').allInnerTexts();
    expect(texts).toEqual(['Scaling is enough.', 'Interpretability scales.', 'Evals will catch it.']);
    const first = await claims.nth(0).innerText();
    expect(first).toContain('Gap 70');
    expect(first).toContain('Ann Camp');
    expect(first).toContain('Bo Camp & Cy Camp');
    expect(first).toContain('80 % (mean of 2)');
    expect(first).toContain('crux');
    // The choices stay checked, and the Markdown link asks for the same two camps.
    expect(
      await page
        .getByRole('group', { name: /Side B/ })
        .getByLabel('Cy Camp')
        .isChecked(),
    ).toBe(true);
    const markdown = new URL(
      (await page.getByRole('link', { name: 'Markdown' }).getAttribute('href')) ?? '',
      page.url(),
    );
    expect(markdown.searchParams.get('a')).toBe(ann.id);
    expect(markdown.searchParams.get('b')).toBe(`${bo.id},${cy.id}`);
    const md = await page.request.get(markdown.toString());
    expect(md.status()).toBe(200);
    expect(await md.text()).toContain('# Double cruxes of Ann Camp and Bo Camp & Cy Camp');

    expect(await axeInBothThemes(page)).toEqual({ light: [], dark: [] });
    expect(problems).toEqual([]);
    await context.close();
  });
});
