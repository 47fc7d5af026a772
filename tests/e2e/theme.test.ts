import { describe, expect, it } from 'vitest';
import { skipBrowser, watchPage } from './support/browser';
import { useApp } from './support/fixture';

const background = (page: import('playwright-core').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(250, 250, 249)';
const DARK = 'rgb(12, 10, 9)';

describe.skipIf(skipBrowser)('the colour theme (production build, real Chromium)', () => {
  const fixture = useApp({ seed: false });

  it('follows the system, or the reader’s choice, remembered by this browser and sent with the first byte', async () => {
    const context = await fixture.browser.newContext({ baseURL: fixture.app.url, colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto('/');
    expect(await background(page)).toBe(DARK);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(LIGHT);

    await page.getByLabel('Theme').selectOption('dark');
    expect(await background(page)).toBe(DARK);
    expect((await context.cookies()).find((c) => c.name === 'theme')?.value).toBe('dark');
    // The next page arrives already dark: the server writes the choice into the HTML, no script needed.
    const html = await (await fetch(`${fixture.app.url}/claims`, { headers: { cookie: 'theme=dark' } })).text();
    expect(html).toMatch(/<html[^>]* data-theme="dark"/);
    expect(html).toContain('<meta name="color-scheme" content="dark"/>');
    await page.goto('/claims');
    expect(await background(page)).toBe(DARK);
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');

    await page.getByLabel('Theme').selectOption('system');
    expect(await background(page)).toBe(LIGHT);
    expect((await context.cookies()).some((c) => c.name === 'theme')).toBe(false);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });
});
