import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { findChromium, INSTALL_HINT } from '../../../scripts/lib/chromium';
import { sessionCookie } from '../../support/session';

/** Browser tests are skipped only when asked to, never silently for want of a browser. */
export const skipBrowser = process.env.SKIP_BROWSER_TESTS === '1';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A screen to look at a page on: its width in CSS pixels and the system's colour scheme. */
export interface Screen {
  width: number;
  scheme: 'light' | 'dark';
}

/** A phone (390), a tablet (768) or a laptop (1366); phones and tablets have touch screens. */
export function screenOptions({ width, scheme }: Screen): BrowserContextOptions {
  const touch = width < 1024;
  return {
    viewport: { width, height: touch ? 844 : 900 },
    colorScheme: scheme,
    hasTouch: touch,
    isMobile: width < 600,
  };
}

/** A browser context signed in as `user` (the session cookie next-auth would set). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  user: { id: string; name: string },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const [name, value] = (await sessionCookie(user)).split('=');
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Fails the test on a page error or a console error the test did not expect. */
export function watchPage(page: import('playwright-core').Page, allowed: RegExp[] = []) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((re) => re.test(message.text())))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
