import { describe, expect, it } from 'vitest';
import { skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';

describe.skipIf(skipBrowser)('home page (production build, real Chromium)', () => {
  const fixture = useApp();

  it('lists the five seed threads with their lines and hidden repeats, and health reports ok', async () => {
    const page = await fixture.browser.newPage();
    const problems = watchPage(page);
    await page.goto(fixture.app.url);
    const rows = page.locator('[data-testid="thread-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    const text = await page.locator('table').innerText();
    expect(text).toContain('In the post you say that human programmers will write the AI’s reward function');
    expect(text).toMatch(/108\s+55\s+55/);
    const health = await (await fetch(`${fixture.app.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: 'up' });
    // The search index starts loading when the server starts, before any search.
    expect(health.searchIndex.state).toMatch(/^(loading|ready)$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
