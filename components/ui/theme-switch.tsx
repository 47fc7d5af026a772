'use client';

import { useId, useState } from 'react';
import { THEME_CHOICES, THEME_COOKIE, type ThemeChoice } from '@/lib/theme';

const YEAR = 60 * 60 * 24 * 365;
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Applies a theme at once and remembers it in this browser (the server reads the cookie on the next page). */
function applyTheme(choice: ThemeChoice) {
  const root = document.documentElement;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // document.cookie, not the Cookie Store API: that one exists only on https (and localhost).
  if (choice === 'system') {
    delete root.dataset.theme;
    // biome-ignore lint/suspicious/noDocumentCookie: see above
    document.cookie = `${THEME_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax${secure}`;
  } else {
    root.dataset.theme = choice;
    // biome-ignore lint/suspicious/noDocumentCookie: see above
    document.cookie = `${THEME_COOKIE}=${choice}; Max-Age=${YEAR}; Path=/; SameSite=Lax${secure}`;
  }
  document
    .querySelector('meta[name="color-scheme"]')
    ?.setAttribute('content', choice === 'system' ? 'light dark' : choice);
}

/** Light, dark, or as the system says. */
export function ThemeSwitch({ initial }: { initial: ThemeChoice }) {
  const id = useId();
  const [choice, setChoice] = useState(initial);
  return (
    <span className="inline-flex items-center gap-1">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          setChoice(next);
          applyTheme(next);
        }}
        className="min-h-6 rounded border border-line-strong px-1"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </select>
    </span>
  );
}
