/**
 * The reader's colour theme, remembered per browser in a cookie so the server renders the page in
 * it from the first byte (no inline script, no flash of the other theme; decision 021). No cookie:
 * follow the system.
 */
export const THEME_COOKIE = 'theme';

export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const satisfies readonly ThemeChoice[];

/** The theme a cookie value asks for: anything but "light" or "dark" means the system's. */
export function themeFromCookie(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
