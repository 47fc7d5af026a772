import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { createGroup } from '@/lib/server/groups/groups';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { insertUser } from '../support/factories';
import { tagPassage } from '../support/tagging';
import { signedInContext, skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';
import { passageSelectorFor, selectWithMouse } from './support/pages';

const THREAD = '/threads/in-the-post-you-say-that-human-programmers-will-write-the-ai';
const SPAN = 'That’s not quite my position.';

/** Opens the thread on the group's layer (the switch reloads the page with the choice in a cookie). */
async function openOnLayer(page: Page, groupName: string) {
  await page.goto(THREAD);
  await page.getByText('Live: tags from everyone').waitFor();
  await Promise.all([page.waitForNavigation(), page.getByTestId('layer-switch').selectOption({ label: groupName })]);
  await page.getByText('Live: tags from everyone').waitFor();
}

describe.skipIf(skipBrowser)('reading circles (production build, real Chromium)', () => {
  const fixture = useApp();

  it('three readers: a group made, joined by link, tagged and replied in live; an outsider sees none of it', async () => {
    const [olive, max, otto] = await Promise.all(
      ['Olive Owner', 'Max Member', 'Otto Outsider'].map((name) => insertUser({ name })),
    );
    const contexts = await Promise.all(
      [olive, max, otto].map((user) => signedInContext(fixture.browser, fixture.app.url, user)),
    );
    const [owner, member, outsider] = await Promise.all(contexts.map((c) => c.newPage()));
    const problems = [owner, member, outsider].map((page) => watchPage(page));

    // Olive makes the group and copies its invite link.
    await owner.goto('/groups');
    await owner.getByLabel('Name').first().fill('Quokka circle');
    await owner.getByRole('button', { name: 'Create group' }).click();
    await owner.getByRole('heading', { name: /Quokka circle/ }).waitFor();
    const invite = await owner
      .getByLabel(/Invite link, valid until/)
      .first()
      .inputValue();
    expect(invite).toMatch(/\/groups\/join\/[A-Za-z0-9_-]{43}$/);

    // A revoked link is answered on opening it, not after a click.
    const group = await db.group.findFirstOrThrow({ where: { name: 'Quokka circle' } });
    await db.invite.create({
      data: {
        token: 'a-revoked-quokka-token',
        groupId: group.id,
        createdById: olive.id,
        expiresAt: new Date(Date.now() + 86_400_000),
        revokedAt: new Date(),
      },
    });
    const probe = await contexts[1].newPage();
    const revoked = await probe.goto('/groups/join/a-revoked-quokka-token');
    expect(revoked?.status()).toBe(404);
    await probe.getByRole('heading', { name: 'This invite link was revoked' }).waitFor();
    expect(await probe.getByText('ask the group’s owner for a new one').count()).toBe(1);
    expect(await probe.getByRole('button', { name: 'Join the group' }).count()).toBe(0);
    await probe.close();

    // Max opens the link and joins.
    await member.goto(new URL(invite).pathname);
    await member.getByRole('heading', { name: 'Join “Quokka circle”' }).waitFor();
    await member.getByRole('button', { name: 'Join the group' }).click();
    await member.waitForURL('**/groups');
    await member.getByRole('heading', { name: /Quokka circle/ }).waitFor();

    // Both read the thread on the group's layer; Otto reads the public one.
    await openOnLayer(owner, 'Quokka circle');
    await openOnLayer(member, 'Quokka circle');
    await outsider.goto(THREAD);
    await outsider.getByText('Live: tags from everyone').waitFor();

    // Max tags a span; Olive sees it arrive without reloading.
    const passage = await passageSelectorFor(member, SPAN);
    await selectWithMouse(member, passage, 0, 29);
    await member.getByRole('button', { name: 'Tag this (t)' }).click();
    const box = member.getByTestId('tag-box');
    await box.waitFor();
    await box.getByLabel('Inner alignment').check();
    // Marked a crux, so the group's crux page lists it (one tagger's claim is no crux otherwise).
    await box.getByLabel('Crux (k)').check();
    await box.getByLabel(/Note/).fill('Circle note on quokkas.');
    await box.getByRole('button', { name: /Save/ }).click();
    await box.waitFor({ state: 'detached' });
    const ownersCard = owner.getByTestId('claim-card').filter({ hasText: SPAN });
    await ownersCard.waitFor({ timeout: 5_000 });
    expect(await ownersCard.innerText()).toContain('Max Member: inner, crux');
    await owner.locator(`${passage} mark.claim-mark`).waitFor();

    // Max opens the replies; Olive replies; Max sees the reply arrive live.
    const membersCard = member.getByTestId('claim-card').filter({ hasText: SPAN });
    await membersCard.getByText(/^Replies \(/).click();
    await ownersCard.getByText(/^Replies \(/).click();
    await ownersCard.getByLabel('Write a reply').fill('A **circle** reply about quokkas.');
    await ownersCard.getByRole('button', { name: 'Reply', exact: true }).click();
    await membersCard
      .getByTestId('reply')
      .filter({ hasText: 'circle reply about quokkas' })
      .waitFor({ timeout: 5_000 });
    expect(await membersCard.locator('[data-testid="reply"] strong').innerText()).toBe('circle');

    // Otto: nothing of it in the public reader, and every way in is a 404.
    await outsider.reload();
    await outsider.getByText('Live: tags from everyone').waitFor();
    expect(await outsider.getByText('Circle note on quokkas.').count()).toBe(0);
    expect(await outsider.getByTestId('claim-card').filter({ hasText: 'Max Member' }).count()).toBe(0);
    expect(await outsider.getByTestId('layer-switch').count()).toBe(0);
    const claim = await db.claim.findFirstOrThrow({ where: { groupId: group.id } });
    for (const path of [
      `/api/threads/${THREAD.split('/').pop()}/claims?group=${group.id}`,
      `/api/claims/${claim.id}`,
      `/api/claims/${claim.id}/replies`,
      `/api/claims?q=quokkas&group=${group.id}`,
      `/api/threads/${THREAD.split('/').pop()}/cruxes?format=md&group=${group.id}`,
      `/api/threads/${THREAD.split('/').pop()}/events?group=${group.id}`,
    ]) {
      const answer = await outsider.request.get(path);
      expect(answer.status(), path).toBe(404);
    }
    // The public layer, as the outsider's reader and search read it, holds none of it either.
    for (const path of [`/api/threads/${THREAD.split('/').pop()}/claims`, '/api/claims?q=quokkas']) {
      const answer = await outsider.request.get(path);
      expect(answer.status(), path).toBe(200);
      expect(await answer.text(), path).not.toContain('quokka');
    }
    expect(await outsider.locator(`${passage} mark.claim-mark`).count()).toBe(0);

    // The crux page of the group's layer: its members see the group's claim, anyone else a 404.
    const cruxPage = `${THREAD}/cruxes?minTaggers=1&group=${group.id}`;
    await owner.goto(cruxPage);
    await owner.getByText(SPAN).first().waitFor();
    await owner.getByText('On the layer of “Quokka circle”').waitFor();
    // Its downloads, "Compare two readers" and the filter form stay on the group's layer.
    const links = await owner
      .locator('a[download], a:text("Compare two readers")')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('group')));
    expect(links).toEqual(Array(6).fill(group.id));
    await Promise.all([owner.waitForNavigation(), owner.getByRole('button', { name: 'Apply' }).click()]);
    expect(new URL(owner.url()).searchParams.get('group')).toBe(group.id);
    await owner.getByText(SPAN).first().waitFor();
    const refused = await outsider.goto(cruxPage);
    expect(refused?.status()).toBe(404);

    expect(problems[0].concat(problems[1])).toEqual([]);
    expect(problems[2].filter((p) => !p.includes('404'))).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  });

  it('opens a link to a group’s claim on that group’s layer for its members, and shows others nothing of it', async () => {
    const [uma, vic] = await Promise.all(['Uma', 'Vic'].map((name) => insertUser({ name })));
    const group = await createGroup(uma, { name: 'Link circle' });
    const thread = await ingestThread({
      bytes: Buffer.from('Quokkas align best in small circles.\nA second line anyone may read.\n'),
      format: 'text',
      sourceName: 'claim-links.txt',
    });
    const [first] = await db.passage.findMany({
      where: { revision: { thread: { slug: thread.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    const claim = await tagPassage(thread.slug, first, uma, { axis: 'inner', confidence: 30 }, group.id);
    const link = `/threads/${thread.slug}?claim=${claim.id}`;
    const marks = (page: Page) => page.locator(`mark.claim-mark[data-claim-ids~="${claim.id}"]`);

    // Uma's remembered layer is the public one; the link opens the group's, with the claim shown.
    const context = await signedInContext(fixture.browser, fixture.app.url, uma);
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(link);
    await page.getByText('Live: tags from everyone').waitFor();
    expect(await page.getByTestId('layer-switch').inputValue()).toBe(group.id);
    await marks(page).first().waitFor();
    // Choosing Public there shows the public layer, the link's claim no longer choosing for her.
    await Promise.all([page.waitForNavigation(), page.getByTestId('layer-switch').selectOption({ label: 'Public' })]);
    await page.getByText('Live: tags from everyone').waitFor();
    expect(new URL(page.url()).searchParams.has('claim')).toBe(false);
    expect(await page.getByTestId('layer-switch').inputValue()).toBe('');
    expect(await marks(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // Vic is in no group: the same link opens the public layer, without the claim.
    const other = await signedInContext(fixture.browser, fixture.app.url, vic);
    const outsider = await other.newPage();
    await outsider.goto(link);
    await outsider.getByText('Live: tags from everyone').waitFor();
    expect(await marks(outsider).count()).toBe(0);
    expect(await outsider.getByTestId('layer-switch').count()).toBe(0);
    await other.close();
  });
});
