import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAnnotations } from '@/lib/server/annotations/import-annotations';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeViolations } from './support/pages';

const PARAGRAPHS = [
  'Reward functions for brain-like AGI need not encode complex human values.',
  'RLHF-like solutions are doomed for the reasons in §2.4.1.',
];

/** A raw HTTP request, with headers fetch() will not send as given (Host). */
function get(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const SPOOFED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('IRIs over HTTP, through the production server', () => {
  const fixture = useApp({ seed: false });
  let tagId: string;
  let claimId: string;
  let alice: { id: string };
  let ann: { id: string; name: string };

  beforeAll(async () => {
    const { thread, passages } = await insertThread(PARAGRAPHS, 'iri-e2e');
    ann = await insertUser({ name: 'Ann Example' });
    const claim = await tagPassage(thread.slug, passages[1], ann, {
      axis: 'outer',
      confidence: 70,
      note: 'Why *doomed*?',
    });
    claimId = claim.id;
    tagId = (await db.tag.findFirstOrThrow({ where: { claimId } })).id;
    await importAnnotations(
      {
        total: 1,
        rows: [
          {
            id: 'e2e-1',
            user: 'acct:alice@hypothes.is',
            uri: 'https://www.lesswrong.com/posts/x',
            text: 'Seen on **LessWrong**.',
            tags: ['axis:inner', 'crux', 'confidence:80'],
            target: [
              {
                source: 'https://www.lesswrong.com/posts/x',
                selector: [
                  { type: 'TextQuoteSelector', exact: 'complex human values', prefix: 'encode ', suffix: '.' },
                ],
              },
            ],
            user_info: { display_name: 'Alice' },
          },
        ],
      },
      ann as never,
      { origin: fixture.app.url, thread: thread.slug },
    );
    alice = await db.user.findUniqueOrThrow({ where: { externalIri: 'acct:alice@hypothes.is' } });
  });

  it('builds every redirect and IRI from the public origin, whatever Host and X-Forwarded-* say', async () => {
    const iri = `${fixture.app.url}/annotations/${tagId}`;
    const page = await get(iri, { ...SPOOFED, accept: 'text/html' });
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe(`${fixture.app.url}/threads/iri-e2e?claim=${claimId}#p-2`);
    const data = await get(iri, { ...SPOOFED, accept: 'application/ld+json' });
    expect(data.status).toBe(200);
    expect(data.headers['content-type']).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(JSON.parse(data.body)).toMatchObject({
      id: iri,
      target: { source: `${fixture.app.url}/threads/iri-e2e/passages/1` },
    });
    const exported = await get(`${fixture.app.url}/api/threads/iri-e2e/cruxes?format=w3c`, SPOOFED);
    expect(exported.body).not.toContain('evil.example');
    expect(JSON.parse(exported.body).id).toBe(`${fixture.app.url}/annotations?thread=iri-e2e`);
  });

  it.skipIf(skipBrowser)(
    'takes a browser from an annotation IRI to the claim, and from a passage IRI to its paragraph',
    async () => {
      const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
      const problems = watchPage(page);
      await page.goto(`/annotations/${tagId}`);
      expect(page.url()).toBe(`${fixture.app.url}/threads/iri-e2e?claim=${claimId}#p-2`);
      await page.getByText('Why doomed?').first().waitFor();
      await page.goto('/threads/iri-e2e/passages/0');
      expect(page.url()).toBe(`${fixture.app.url}/threads/iri-e2e#p-1`);
      await page.goto('/annotations/0190c5a2-0000-7000-8000-0000000000ff');
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      await page.close();
    },
  );

  it.skipIf(skipBrowser)(
    "shows a reader's and an external author's public profile, with their tags linking to the claims",
    async () => {
      const page = await fixture.browser.newPage({ baseURL: fixture.app.url });
      const problems = watchPage(page);
      await page.goto(`/users/${alice.id}`);
      await page.getByRole('heading', { name: 'Alice · hypothes.is' }).waitFor();
      expect(await page.getByTestId('external-author').innerText()).toMatch(
        /External author[\s\S]*acct:alice@hypothes\.is/,
      );
      const tag = page.getByTestId('profile-tag');
      expect(await tag.innerText()).toMatch(
        /complex human values[\s\S]*inner · 80 % likely true · crux[\s\S]*Seen on LessWrong/,
      );
      expect(await axeViolations(page)).toEqual([]);
      await tag.getByRole('link').click();
      await page.waitForURL(/\/threads\/iri-e2e\?claim=/);
      await page.goto(`/users/${ann.id}`);
      await page.getByRole('heading', { name: 'Ann Example' }).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/@example\.com/);
      expect((await page.goto('/users/0190c5a2-0000-7000-8000-0000000000ff'))?.status()).toBe(404);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      await page.close();
    },
  );
});
