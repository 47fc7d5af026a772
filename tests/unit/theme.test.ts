import { describe, expect, it } from 'vitest';
import { THEME_CHOICES, themeFromCookie } from '@/lib/theme';

describe('the theme cookie', () => {
  it('asks for light or dark, and anything else follows the system', () => {
    expect(THEME_CHOICES.map((choice) => themeFromCookie(choice))).toEqual(['system', 'light', 'dark']);
    for (const value of [undefined, '', 'DARK', 'blue', 'dark; path=/']) expect(themeFromCookie(value)).toBe('system');
  });
});
