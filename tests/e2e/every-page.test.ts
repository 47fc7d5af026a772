import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { createGroup } from '@/lib/server/groups/groups';
import { createReply } from '@/lib/server/replies/replies';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { type Screen, screenOptions, signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { axeViolations, sidewaysScroll } from './support/pages';

const SLUG = 'in-the-post-you-say-that-human-programmers-will-write-the-ai';

interface PageCase {
  path: string;
  /** Visited signed out (the sign-in pages); every other page as a signed-in reader. */
  anonymous?: boolean;
  /** What shows once the page is ready, when that is more than its HTML. */
  ready?: string;
}

/** Every page of the app. A new page is one more line here. */
const PAGES: Record<string, PageCase> = {
  threads: { path: '/' },
  reader: { path: `/threads/${SLUG}`, ready: '[data-status="live"]' },
  'reader, signed out': { path: `/threads/${SLUG}`, anonymous: true, ready: '[data-status="live"]' },
  'original text': { path: `/threads/${SLUG}?view=original` },
  'thread cruxes': { path: `/threads/${SLUG}/cruxes?minTaggers=2` },
  'all cruxes': { path: '/cruxes?minTaggers=2' },
  search: { path: '/claims?q=alignment' },
  'sign in': { path: '/signin', anonymous: true },
  'sign up': { path: '/signup', anonymous: true },
  groups: { path: '/groups' },
  'groups, signed out': { path: '/groups', anonymous: true },
  'join a group': { path: '/groups/join/an-invite-token' },
  'join a group, signed out': { path: '/groups/join/an-invite-token', anonymous: true },
  'join a group, expired link': { path: '/groups/join/an-expired-token' },
  'compare two readers': { path: '/cruxes/double' },
  inbox: { path: '/inbox' },
  'inbox, signed out': { path: '/inbox', anonymous: true },
  'not found': { path: '/threads/no-such-thread' },
};

/** Phone and laptop in both themes get the full check; the tablet is checked for width alone. */
const SCREENS: (Screen & { axe: boolean })[] = [
  { width: 390, scheme: 'light', axe: true },
  { width: 390, scheme: 'dark', axe: true },
  { width: 768, scheme: 'light', axe: false },
  { width: 1366, scheme: 'light', axe: true },
  { width: 1366, scheme: 'dark', axe: true },
];

describe.skipIf(skipBrowser)(
  'every page, on a phone and a laptop, light and dark (production build, real Chromium)',
  () => {
    const fixture = useApp();
    const contexts = new Map<string, BrowserContext>();

    beforeAll(async () => {
      // Claims that split readers, a crux mark, notes: every kind of highlight, histogram and grid cell.
      const passages = await db.passage.findMany({
        where: { revision: { thread: { slug: SLUG } } },
        orderBy: { ordinal: 'asc' },
      });
      const readers = await Promise.all(['Ann', 'Ben', 'Cal'].map((name) => insertUser({ name })));
      const axes = ['outer', 'inner', 'both', 'other'] as const;
      for (const [i, passage] of passages.slice(0, 8).entries())
        for (const [r, reader] of readers.entries())
          if (r <= i % 3)
            await tagPassage(SLUG, passage, reader, {
              axis: axes[(i + r) % 4],
              confidence: r === 1 ? 90 - i * 5 : 10 + i * 5,
              crux: r === 1,
              note: r === 0 ? 'See **§2** and [the post](https://example.com).' : '',
            });
      // A circle of Ann's with a member, so the groups page shows members, invite links and the owner's tools.
      const circle = await createGroup(
        { ...readers[0], role: 'USER' },
        { name: 'Ann’s circle', description: 'Slow reading.' },
      );
      await db.membership.create({ data: { groupId: circle.id, userId: readers[1].id } });
      // The join page's invite links, one open and one expired.
      await db.invite.createMany({
        data: [
          { token: 'an-invite-token', expiresAt: new Date(Date.now() + 86_400_000) },
          { token: 'an-expired-token', expiresAt: new Date(Date.now() - 1000) },
        ].map((invite) => ({ ...invite, groupId: circle.id, createdById: readers[0].id })),
      });
      // A reply by Ben on a claim Ann tagged fills Ann's inbox.
      const annsClaim = await db.claim.findFirstOrThrow({ where: { tags: { some: { userId: readers[0].id } } } });
      await createReply(annsClaim.id, { ...readers[1], role: 'USER' }, { body: 'A **reply** for the inbox.' });
      for (const screen of SCREENS)
        for (const anonymous of [false, true]) {
          const options = { baseURL: fixture.app.url, ...screenOptions(screen) };
          contexts.set(
            `${screen.width}-${screen.scheme}-${anonymous}`,
            anonymous
              ? await fixture.browser.newContext(options)
              : await signedInContext(fixture.browser, fixture.app.url, readers[0], options),
          );
        }
    });

    for (const [name, { path, anonymous = false, ready }] of Object.entries(PAGES))
      it(`${name}: nothing scrolls sideways, and axe finds no violation`, async () => {
        for (const screen of SCREENS) {
          const where = `${name} at ${screen.width} px, ${screen.scheme}`;
          const page = await (
            contexts.get(`${screen.width}-${screen.scheme}-${anonymous}`) as BrowserContext
          ).newPage();
          const problems = watchPage(page, [/status of 404/]);
          await page.goto(path);
          if (ready) await page.locator(ready).waitFor();
          expect(await sidewaysScroll(page), where).toEqual({ overflow: 0, wider: [] });
          if (screen.axe) expect(await axeViolations(page), where).toEqual([]);
          expect(problems, where).toEqual([]);
          await page.close();
        }
      });
  },
);
