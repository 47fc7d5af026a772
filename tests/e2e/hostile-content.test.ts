import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '@/lib/anchoring/code-points';
import { describeSpan } from '@/lib/anchoring/describe-span';
import { importAnnotations } from '@/lib/server/annotations/import-annotations';
import { db } from '@/lib/server/db/client';
import { publicOrigin } from '@/lib/server/public-origin';
import { storeThreads } from '@/lib/server/threads/ingest-thread';
import { prepareThread } from '@/lib/server/threads/prepare-thread';
import { recordFigures } from '../stress/figures';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';

const PAYLOADS = readFileSync(path.resolve(import.meta.dirname, '../fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);

describe.skipIf(skipBrowser)('hostile content is shown as text and never runs (real Chromium)', () => {
  const fixture = useApp({ seed: false });

  it('survives XSS payloads in thread text, titles, Markdown, LessWrong HTML, notes, labels and imported annotations', async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const markdown = PAYLOADS.map((p, i) => (i % 2 ? `> ${p}` : p)).join('\n\n');
    const lesswrong = JSON.stringify({
      comments: {
        results: PAYLOADS.map((p, i) => ({
          _id: `c${i}`,
          parentCommentId: null,
          user: { displayName: p.slice(0, 40) },
          contents: { html: p },
        })),
      },
    });
    const [text, md, json] = await storeThreads([
      prepareThread({
        bytes: Buffer.from(PAYLOADS.join('\n')),
        format: 'text',
        title: PAYLOADS[0],
        sourceName: 'hostile.txt',
      }),
      prepareThread({ bytes: Buffer.from(markdown), format: 'markdown', title: PAYLOADS[2], sourceName: 'hostile.md' }),
      prepareThread({
        bytes: Buffer.from(lesswrong),
        format: 'lesswrong-json',
        title: PAYLOADS[3],
        sourceName: 'hostile.json',
      }),
    ]);
    const users = await Promise.all(
      ['<b>Eve</b>', '"><img src=x onerror=alert(1)>', 'Mallory'].map((name) => insertUser({ name })),
    );
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: text.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    for (const [i, passage] of passages.entries()) {
      const user = users[i % users.length];
      await tagPassage(text.slug, passage, user, {
        axis: 'inner',
        confidence: (i * 29) % 101,
        note: PAYLOADS[(i + 5) % PAYLOADS.length],
        labels: [`javascript:${i}`, `bidi ‮${i}`],
      });
    }
    // Imported annotations carry payloads in their notes and creators' names.
    const passage = passages[1];
    const selector = describeSpan(passage.text, 0, codePointLength(passage.text));
    const annotations = PAYLOADS.slice(0, 5).map((p, i) => ({
      id: `http://elsewhere.example/annotations/${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      creator: { id: `http://elsewhere.example/users/${i}`, type: 'Person', name: p },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'axis:outer' },
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: p },
      ],
      target: {
        source: `http://elsewhere.example/threads/${text.slug}/passages/${passage.ordinal}`,
        selector: [
          { type: 'TextQuoteSelector', exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix },
        ],
      },
    }));
    const importer = await insertUser({ name: 'Importer' });
    await importAnnotations(
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: annotations },
      },
      importer,
      { origin: publicOrigin(), thread: text.slug },
    );

    const context = await signedInContext(fixture.browser, fixture.app.url, users[2]);
    const urls = [
      '/',
      `/threads/${text.slug}`,
      `/threads/${text.slug}?view=original`,
      `/threads/${md.slug}`,
      `/threads/${json.slug}`,
      `/threads/${text.slug}/cruxes?minTaggers=1`,
      '/cruxes?minTaggers=1',
      `/claims?q=${encodeURIComponent('script window')}`,
      `/claims?q=${encodeURIComponent(PAYLOADS[2])}`,
      `/claims?label=${encodeURIComponent('javascript:1')}`,
    ];
    let pagesOpened = 0;
    for (const url of urls) {
      const page = await context.newPage();
      const problems = watchPage(page);
      const response = await page.goto(`${fixture.app.url}${url}`);
      expect(response?.status(), url).toBe(200);
      const csp = response?.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(csp).not.toContain("unsafe-inline' 'strict");
      await page.waitForLoadState('networkidle');
      // Follow every link that a payload may have produced: none may run script.
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), url).toBeUndefined();
      expect(
        await page
          .locator('a[href^="javascript:" i], a[href^="data:" i], iframe, object, embed, form[action^="javascript" i]')
          .count(),
        url,
      ).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${url} lays out within the window`).toBeLessThanOrEqual(1);
      expect(problems, url).toEqual([]);
      pagesOpened++;
      await page.close();
    }
    recordFigures('hostileContent', {
      payloads: PAYLOADS.length,
      placesPerPayload: ['thread text', 'title', 'markdown', 'lesswrong html', 'note', 'label', 'imported note/creator']
        .length,
      pagesOpened,
      scriptsRun: 0,
    });
    await context.close();
  });
});
