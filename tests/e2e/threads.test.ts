import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';

const SEED = '/threads/in-the-post-you-say-that-human-programmers-will-write-the-ai';

const lesswrong = {
  data: {
    post: {
      result: {
        _id: 'post1',
        title: 'Deceptive alignment is the crux',
        postedAt: '2024-03-01T10:00:00.000Z',
        user: { displayName: 'Evan' },
        contents: { markdown: 'A model that games its training is the failure to fear.' },
      },
    },
    comments: {
      results: [
        {
          _id: 'c1',
          postedAt: '2024-03-02T09:00:00.000Z',
          user: { displayName: 'Paul' },
          contents: { markdown: 'Gradient descent may never find such a model.' },
        },
      ],
    },
  },
};

describe.skipIf(skipBrowser)('threads as researchers meet them (production build, real Chromium)', () => {
  const fixture = useApp();

  it('lists a thread under its post title with author, date, taggers and disputed claims; Markdown headings are headings', async () => {
    const post = await ingestThread({
      bytes: Buffer.from(JSON.stringify(lesswrong)),
      format: 'lesswrong-json',
      sourceName: 'deceptive.json',
    });
    await ingestThread({
      bytes: Buffer.from(
        '# Why outer alignment is hard\n\nSpecifying what we want is the problem.\n\n## Where it breaks\n\nProxies fail under pressure.\n',
      ),
      format: 'markdown',
      sourceName: 'outer.md',
    });
    const [ann, bo] = await Promise.all(['Ann', 'Bo'].map((name) => insertUser({ name })));
    const [first] = await db.passage.findMany({
      where: { revision: { thread: { slug: post.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    await tagPassage(post.slug, first, ann, { axis: 'inner', confidence: 10 });
    await tagPassage(post.slug, first, bo, { axis: 'inner', confidence: 90 });

    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto('/');
    const row = page.getByTestId('thread-row').filter({ hasText: 'Deceptive alignment is the crux' });
    await row.waitFor();
    expect(await row.innerText()).toContain('by Evan · 2024-03-01');
    expect(await row.locator('[data-label="Taggers"]').innerText()).toBe('2');
    expect(await row.getByTestId('disputed-count').innerText()).toBe('1');
    const mdRow = page.getByTestId('thread-row').filter({ hasText: 'Why outer alignment is hard' });
    expect(await mdRow.getByTestId('disputed-count').innerText()).toBe('0');

    await mdRow.getByRole('link', { name: 'Why outer alignment is hard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Why outer alignment is hard' }).waitFor();
    // The document's own headings sit one level below the page's title.
    await page.getByRole('heading', { level: 2, name: /Why outer alignment is hard/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Where it breaks/ }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a folded copy of the thread to first words of each quote, in one numbering, with no id twice', async () => {
    const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
    const problems = watchPage(page);
    await page.goto(SEED);
    // A paragraph's number in the margin shows and takes a click.
    await page.getByRole('link', { name: 'Paragraph 2', exact: true }).click({ timeout: 5_000 });
    await page.waitForURL(/#p-2$/);
    const block = page.locator('details.repeat-block').first();
    const summary = block.locator(':scope > summary');
    expect(await summary.innerText()).toMatch(/^Repeated copy of ¶\d+(–¶\d+)? \(\d+ pieces\)$/);
    await summary.click();
    const chips = block.locator('details.quote-chip > summary');
    await chips.first().waitFor();
    const texts = await chips.allInnerTexts();
    // Each folded quote says whose words it repeats and how they begin, not a bare "quotes ¶N".
    for (const text of texts) expect(text).toMatch(/^quotes( parts of| from)? ¶\d+( · \d+ edits?)? \S+ \S+/);
    // One numbering: no "line N" where the reader speaks of paragraphs.
    expect(await block.innerText()).not.toMatch(/\bline \d+/i);
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
      return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
