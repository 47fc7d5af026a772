import { describe, expect, it } from 'vitest';
import { prefersHtml } from '@/lib/server/http/accept';

describe('prefersHtml', () => {
  it('sends browsers to the page', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('text/html, application/ld+json;q=0.5')).toBe(true);
  });

  it('gives the data to Web Annotation clients, JSON clients and clients that say nothing', () => {
    expect(prefersHtml('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(false);
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml(null)).toBe(false);
    expect(prefersHtml('text/html;q=0.5, application/ld+json')).toBe(false);
  });
});
