import { describe, expect, it } from 'vitest';
import { indexFileUrl, withIndexPreloads } from '../../src/lib/search/page-preloads.ts';

const PAGE = '<!doctype html><html lang="id"><head><title>Cari</title></head><body><p>x</p></body></html>';
const FILES = [
  'wasm.id.pagefind',
  'arsip-2024-12-06/pagefind-entry.json?ts=abc',
  'arsip-2024-12-06/filter/id_1.pf_filter',
];

describe('withIndexPreloads', () => {
  it("lists each file in the head, in the manifest's order, as the fetch Pagefind makes (CORS mode)", () => {
    const html = withIndexPreloads(PAGE, FILES);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(
      [
        ...head.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous" data-search-index>/g),
      ].map((m) => m[1]),
    ).toEqual([
      '/pagefind/wasm.id.pagefind',
      '/pagefind/arsip-2024-12-06/pagefind-entry.json?ts=abc',
      '/pagefind/arsip-2024-12-06/filter/id_1.pf_filter',
    ]);
    expect(html.slice(html.indexOf('</head>'))).toBe('</head><body><p>x</p></body></html>');
  });

  it("replaces an earlier call's preloads instead of adding to them", () => {
    const once = withIndexPreloads(PAGE, FILES);
    expect(withIndexPreloads(once, FILES)).toBe(once);
    const other = withIndexPreloads(once, ['arsip-2024-12-07/pagefind.x.pf_meta']);
    expect(other).toBe(withIndexPreloads(PAGE, ['arsip-2024-12-07/pagefind.x.pf_meta']));
    expect(withIndexPreloads(once, [])).toBe(PAGE);
  });

  it('escapes what would end the attribute', () => {
    expect(withIndexPreloads(PAGE, ['a"b&c'])).toContain('href="/pagefind/a&quot;b&amp;c"');
  });

  it('fails on a page without a head end rather than publishing it unchanged', () => {
    expect(() => withIndexPreloads('<p>no head</p>', FILES)).toThrow(/no <\/head>/);
  });

  it('names bundle files by their URL', () => {
    expect(indexFileUrl('shards.json')).toBe('/pagefind/shards.json');
  });
});
