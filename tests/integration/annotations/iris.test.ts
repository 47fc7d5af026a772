import { beforeAll, describe, expect, it, vi } from 'vitest';
import { authorProfile } from '@/lib/server/authors/author-profile';
import { db } from '@/lib/server/db/client';
import { getThreadOrThrow } from '@/lib/server/threads/find-thread';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { hasIriRoute, requestIri } from '../../support/site-iris';
import { tagPassage } from '../../support/tagging';
import { failedAssertions } from '../../support/web-annotation-schemas';
import { NOT_MET } from '../../unit/export/w3c-not-met';

// The configured public origin, unlike any address a request could carry.
const ORIGIN = vi.hoisted(() => {
  process.env.PUBLIC_URL = 'https://crux.example.org';
  return 'https://crux.example.org';
});
const LD = 'application/ld+json';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** Every header a client or a misconfigured proxy could use to name another host. */
const SPOOFED = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'http',
  'x-forwarded-port': '8080',
  forwarded: 'host=evil.example;proto=http',
};

const PARAGRAPHS = [
  'Reward functions for brain-like AGI need not encode complex human values. 🧠',
  'RLHF-like solutions are doomed for the reasons in §2.4.1.',
  'Evaluation is easier than generation, which gives the classifier an edge.',
];

let slug: string;
let users: { id: string; name: string; email: string | null }[];
let deletedTagId: string;

beforeAll(async () => {
  const { thread, passages } = await insertThread(PARAGRAPHS, 'iri-thread');
  slug = thread.slug;
  users = await Promise.all(['Ann', 'Bo'].map((name) => insertUser({ name })));
  const [ann, bo] = users;
  await tagPassage(slug, passages[0], ann, { axis: 'outer', confidence: 10, note: 'Not *simple*.', crux: true });
  await tagPassage(slug, passages[0], bo, { axis: 'inner', confidence: 90, labels: ['reward'] });
  const claim = await tagPassage(slug, passages[2], bo, { axis: 'other' });
  const deleted = await db.tag.findFirstOrThrow({ where: { claimId: claim.id } });
  await db.tag.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  deletedTagId = deleted.id;
  // An external author, from a Hypothesis annotation of the same text elsewhere.
  const imported = await call('/api/annotations/import', {
    method: 'POST',
    user: ann,
    query: { thread: slug },
    body: {
      id: 'hyp-1',
      user: 'acct:alice@hypothes.is',
      uri: 'https://www.lesswrong.com/posts/x',
      text: 'Seen elsewhere.',
      tags: ['axis:both', 'confidence:60'],
      target: [
        {
          source: 'https://www.lesswrong.com/posts/x',
          selector: [
            { type: 'TextQuoteSelector', exact: 'RLHF-like solutions are doomed', prefix: '', suffix: ' for' },
          ],
        },
      ],
      links: { html: 'https://hypothes.is/a/hyp-1' },
    },
  });
  expect(imported.status, imported.text).toBe(201);
});

const w3cExport = async (query: Record<string, string> = {}) =>
  (await call('/api/threads/{slug}/cruxes', { params: { slug }, query: { format: 'w3c', ...query }, headers: SPOOFED }))
    .json;

/** Every IRI in a document: values of id, source, last, partOf, and the links of Hypothesis rows. */
function irisIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) irisIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const named = ['id', 'source', 'last', 'partOf', 'html', 'incontext', 'uri', 'homepage'].includes(key);
      // Hypothesis's own ids are not IRIs: an IRI has a scheme.
      if (typeof item === 'string' && named && /^[a-z][a-z0-9+.-]*:/i.test(item)) found.add(item);
      else irisIn(item, found);
    }
  }
  return found;
}

/** Whether an IRI of this site answers: through its IRI route, or as a page (thread, user, home). */
async function resolves(iri: string): Promise<boolean> {
  if (hasIriRoute(iri)) {
    const { status } = await requestIri(iri, { accept: LD });
    return status === 200 || status === 303;
  }
  const { pathname } = new URL(iri);
  const user = /^\/users\/([^/]+)$/.exec(pathname);
  if (user) return (await authorProfile(user[1])) !== null;
  const thread = /^\/threads\/([^/]+)$/.exec(pathname);
  if (thread)
    return getThreadOrThrow(decodeURIComponent(thread[1])).then(
      () => true,
      () => false,
    );
  return pathname === '/';
}

describe('every IRI the app writes is built from the public origin, and resolves on this server', () => {
  it('in the W3C and Hypothesis exports, asked for with a spoofed Host and X-Forwarded-* headers', async () => {
    const w3c = await w3cExport();
    const hypothesis = (await call('/api/cruxes', { query: { format: 'hypothesis' }, headers: SPOOFED })).json;
    const iris = [...irisIn(w3c), ...irisIn(hypothesis)];
    const ours = iris.filter((iri) => iri.startsWith(`${ORIGIN}/`));
    // Only the external author's IRI is not this site's.
    expect(new Set(iris.filter((iri) => !ours.includes(iri)))).toEqual(new Set(['acct:alice@hypothes.is']));
    expect(iris.some((iri) => iri.includes('evil.example') || iri.includes('localhost'))).toBe(false);
    expect(ours.length).toBeGreaterThan(10);
    const unresolved = [];
    for (const iri of ours) if (!(await resolves(iri))) unresolved.push(iri);
    expect(unresolved).toEqual([]);
  });

  it('in the redirects, whatever Host the request names', async () => {
    const w3c = await w3cExport();
    const [first] = w3c.first.items;
    const spoofedUrl = first.id.replace(ORIGIN, 'http://evil.example:8080');
    const browser = await requestIri(first.id, { accept: BROWSER, headers: SPOOFED, url: spoofedUrl });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toMatch(new RegExp(`^${ORIGIN}/threads/${slug}\\?claim=[0-9a-f-]+#p-1$`));
    const data = await requestIri(first.id, { accept: LD, headers: SPOOFED, url: spoofedUrl });
    expect(data.json.id).toBe(first.id);
    const html = await call('/api/threads/{slug}/cruxes', {
      params: { slug },
      query: { format: 'html' },
      headers: SPOOFED,
    });
    expect(html.headers.get('location')).toBe(`${ORIGIN}/threads/${slug}/cruxes`);
  });
});

describe("an annotation's IRI", () => {
  it('answers its JSON-LD to a Web Annotation client, valid against the W3C suite', async () => {
    const [first] = (await w3cExport()).first.items;
    const answer = await requestIri(first.id, { accept: `${LD}; profile="http://www.w3.org/ns/anno.jsonld"` });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(answer.headers.get('vary')).toBe('Accept');
    expect(answer.json).toEqual({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...first });
    expect(failedAssertions(answer.json, 'annotation', ['must'])).toEqual([]);
    const shoulds = failedAssertions(answer.json, 'annotation', ['should']).map((f) => f.split(':')[0]);
    expect(shoulds.filter((file) => !(file in NOT_MET))).toEqual([]);
  });

  it('sends a browser to the claim in the reader', async () => {
    const [first] = (await w3cExport()).first.items;
    const claimId = first.target.id.split('/').pop();
    const answer = await requestIri(first.id, { accept: BROWSER });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${ORIGIN}/threads/${slug}?claim=${claimId}#p-1`);
  });

  it('is a 404 once deleted or when it never existed, as JSON to a client and as a page to a browser', async () => {
    for (const id of [deletedTagId, '0190c5a2-0000-7000-8000-0000000000ff', 'not-a-uuid']) {
      const data = await requestIri(`${ORIGIN}/annotations/${id}`, { accept: LD });
      expect(data.status).toBe(404);
      expect(data.json.error.code).toBe('not_found');
      const page = await requestIri(`${ORIGIN}/annotations/${id}`, { accept: BROWSER });
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain('This annotation is not here');
    }
  });

  it("of an external author's annotation names them and where it was first published", async () => {
    const w3c = await w3cExport();
    const imported = w3c.first.items.find(
      (a: { creator: { id: string } }) => a.creator.id === 'acct:alice@hypothes.is',
    );
    expect(imported).toMatchObject({
      creator: { id: 'acct:alice@hypothes.is', type: 'Person', name: 'alice', nickname: 'alice' },
      canonical: 'https://hypothes.is/a/hyp-1',
    });
    expect((await requestIri(imported.id, { accept: LD })).json.canonical).toBe('https://hypothes.is/a/hyp-1');
  });
});

describe("a collection's IRI names its selection and fetches it again", () => {
  it('gives the same collection as the export, its page with partOf, and a 404 past its one page', async () => {
    const exported = await w3cExport({ minTaggers: '2' });
    expect(exported.id).toBe(`${ORIGIN}/annotations?thread=${slug}&minTaggers=2`);
    const again = await requestIri(exported.id, { accept: LD });
    const { generated: _a, ...fetched } = again.json;
    const { generated: _b, ...original } = exported;
    expect(fetched).toEqual(original);
    expect(failedAssertions(again.json, 'collection')).toEqual([]);
    const page = await requestIri(exported.last, { accept: LD });
    expect(page.json).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: exported.last,
      type: 'AnnotationPage',
      partOf: { id: exported.id, type: 'AnnotationCollection', total: exported.total },
      items: exported.first.items,
    });
    expect(failedAssertions(page.json, 'page')).toEqual([]);
    expect((await requestIri(`${exported.id}&page=1`, { accept: LD })).status).toBe(404);
    expect((await requestIri(`${ORIGIN}/annotations?thread=no-such-thread`, { accept: LD })).status).toBe(404);
  });

  it('sends a browser to the crux page of the same selection', async () => {
    const answer = await requestIri(`${ORIGIN}/annotations?thread=${slug}&taggers=${users[0].id}&minTaggers=1`, {
      accept: BROWSER,
    });
    expect(answer.headers.get('location')).toBe(`${ORIGIN}/threads/${slug}/cruxes?taggers=${users[0].id}&minTaggers=1`);
  });
});

describe("a passage's and a claim's IRI", () => {
  it('a passage IRI sends the reader to that paragraph; past the last paragraph it is a 404', async () => {
    const answer = await requestIri(`${ORIGIN}/threads/${slug}/passages/2`, { accept: BROWSER });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${ORIGIN}/threads/${slug}#p-3`);
    expect((await requestIri(`${ORIGIN}/threads/${slug}/passages/3`, { accept: LD })).status).toBe(404);
    expect((await requestIri(`${ORIGIN}/threads/nope/passages/0`, { accept: LD })).status).toBe(404);
  });

  it('a claim IRI answers the target as JSON-LD, and sends a browser to the claim', async () => {
    const [first] = (await w3cExport()).first.items;
    const data = await requestIri(first.target.id, { accept: LD });
    expect(data.json).toEqual({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...first.target });
    const page = await requestIri(first.target.id, { accept: BROWSER });
    expect(page.headers.get('location')).toMatch(new RegExp(`^${ORIGIN}/threads/${slug}\\?claim=`));
  });
});
