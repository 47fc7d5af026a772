import { describe, expect, it } from 'vitest';
import { renderNote } from '@/lib/markdown/render-note';

/** No element, attribute or URL in the output that could run script. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<(script|style|iframe|object|embed|svg|math|img|form|link|meta|base)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src|action|formaction|xlink:href)\s*=\s*"\s*(javascript|vbscript|data):/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
}

describe('renderNote', () => {
  it('renders Markdown and GFM', () => {
    const html = renderNote(
      '**Bold** and _em_ and ~~struck~~ and `code`\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<del>struck</del>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('<td>1</td>');
  });

  it('gives user links rel="nofollow noopener noreferrer ugc"', () => {
    expect(renderNote('[paper](https://arxiv.org/abs/1906.01820)')).toBe(
      '<p><a href="https://arxiv.org/abs/1906.01820" rel="nofollow noopener noreferrer ugc">paper</a></p>',
    );
    expect(renderNote('see https://example.org')).toContain(
      '<a href="https://example.org" rel="nofollow noopener noreferrer ugc">',
    );
  });

  it('keeps footnote links working', () => {
    const html = renderNote('Claim[^1]\n\n[^1]: Source.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).not.toContain('user-content-user-content');
  });

  it('drops raw HTML: script, event handlers, SVG, iframes, style', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)><circle r=1 /></svg>',
      '<svg><script>alert(1)</script></svg>',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<div style="position:fixed;inset:0" onclick="alert(1)">cover</div>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<details open ontoggle=alert(1)>',
      '<form action="javascript:alert(1)"><button>go</button></form>',
      '<p>text</p>\n<script>\nalert(1)\n</script>',
    ];
    for (const payload of payloads) expectInert(renderNote(payload));
    expect(renderNote('<script>alert(1)</script>')).toBe('');
  });

  it('removes javascript:, data: and vbscript: links, however spelt', () => {
    const payloads = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;&#x61;vascript:alert(1))',
      '[x](java&#9;script:alert(1))',
      '[x](<java\nscript:alert(1)>)',
      '[x]( javascript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
      '[x](%6Aavascript:alert(1))',
    ];
    for (const payload of payloads) {
      const html = renderNote(payload);
      expectInert(html);
      expect(html).not.toMatch(/href="[^"]*script:/i);
    }
    // Each keeps its text, without a link target.
    expect(renderNote('[x](&#106;avascript:alert(1))')).toBe('<p><a>x</a></p>');
    expect(renderNote('<javascript:alert(1)>')).toBe('<p><a>javascript:alert(1)</a></p>');
  });

  it('turns images into plain links, so nothing loads without a click', () => {
    const html = renderNote('![chart](https://example.org/chart.png "Figure 1")');
    expect(html).toBe(
      '<p><a href="https://example.org/chart.png" title="Figure 1" rel="nofollow noopener noreferrer ugc">chart</a></p>',
    );
    // The would-be attribute is only link text now.
    expect(renderNote('![x" onerror="alert(1)](https://example.org/a.png)')).toBe(
      '<p><a href="https://example.org/a.png" rel="nofollow noopener noreferrer ugc">x" onerror="alert(1)</a></p>',
    );
    expectInert(renderNote('![x](javascript:alert(1))'));
  });

  it('starts headings at h4, below the page headings', () => {
    expect(renderNote('# Title\n\n### Sub')).toBe('<h4>Title</h4>\n<h6>Sub</h6>');
  });

  it('shows bidi override characters as visible, inert labels', () => {
    const html = renderNote('safe \u202Etxt.exe\u202C and \u2066isolated\u2069');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain(
      '<span class="bidi-control" title="invisible text-direction control character">[U+202E]</span>txt.exe',
    );
    expect(html).toContain('[U+2066]</span>isolated');
    expect(renderNote('[a\u202Eb](https://example.org/\u202Ex "t\u202E")')).not.toMatch(/[\u202A-\u202E]/);
  });

  it('escapes text', () => {
    expect(renderNote('1 < 2 & "quotes"')).toBe('<p>1 &#x3C; 2 &#x26; "quotes"</p>');
  });
});
