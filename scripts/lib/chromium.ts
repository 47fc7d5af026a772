/**
 * Finds a Chromium or Chrome for the browser tests: CHROMIUM_PATH, else the usual places. On a
 * fresh Debian machine where none is found and apt is usable as root, installs Debian's chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

function canInstallWithApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

export const INSTALL_HINT =
  'No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install -y chromium), ' +
  'or point CHROMIUM_PATH at it, or set SKIP_BROWSER_TESTS=1 to run without them.';

export function ensureChromium(log: (line: string) => void): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH)
    throw new Error(`CHROMIUM_PATH points at ${process.env.CHROMIUM_PATH}, which does not exist.`);
  if (!canInstallWithApt()) throw new Error(INSTALL_HINT);
  log("No browser found: installing Debian's chromium for the browser tests (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findChromium();
  if (result.status !== 0 || !installed) throw new Error(`apt-get install chromium failed. ${INSTALL_HINT}`);
  return installed;
}
