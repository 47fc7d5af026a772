import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '@/lib/markdown';

describe('isSafeUrl', () => {
  it('allows http(s), mailto and relative URLs', () => {
    for (const url of [
      'https://example.org/a:b',
      'http://x',
      'MAILTO:a@b.org',
      '/threads/x',
      '#p-3',
      '?q=a:b',
      'notes/a:b',
      '',
    ]) {
      expect(isSafeUrl(url)).toBe(true);
    }
  });

  it('refuses any other scheme however it is spelt', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:x',
      'java\tscript:x',
      'java\nscript:x',
      ' javascript:x',
      '\u0000javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeUrl(url)).toBe(false);
    }
  });
});
