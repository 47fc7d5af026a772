import { describe, expect, it } from 'vitest';
import { locateJson } from '@/lib/ingest/json-locate';

describe('locateJson', () => {
  const text =
    '\uFEFF{"data": {"skip": [1, {"x": "}"}], "comments": {"results": [{"_id": "a", "contents": {"markdown": "q\\"}"}}, 7]}, "odd key": true}}';
  const spans = locateJson(text, ['$.data.comments.results'], 2);
  const at = (path: string) => {
    const span = spans.get(path);
    return span && text.slice(span.start, span.end);
  };

  it('finds the values at and below the roots, by JSON path', () => {
    expect(at('$.data.comments.results[0]')).toBe('{"_id": "a", "contents": {"markdown": "q\\"}"}}');
    expect(at('$.data.comments.results[0].contents')).toBe('{"markdown": "q\\"}"}');
    expect(at('$.data.comments.results[1]')).toBe('7');
  });

  it('records nothing elsewhere nor deeper than asked', () => {
    expect(at('$.data.skip')).toBeUndefined();
    expect(at('$.data.comments.results[0].contents.markdown')).toBeUndefined();
  });

  it('writes keys that are not identifiers in brackets', () => {
    expect(locateJson('{"odd key": [1]}', ['$["odd key"]'], 1).get('$["odd key"][0]')).toEqual({ start: 13, end: 14 });
  });
});
