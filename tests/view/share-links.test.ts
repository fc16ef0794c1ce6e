import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../src/lib/view/share-links.ts';

describe('shareLinks', () => {
  const title = 'Harga Cabai "Meroket" & Beras Naik?';
  const url = 'https://warta.example/berita/harga-cabai/';
  const links = shareLinks(title, url);

  it('puts WhatsApp first, then Facebook, X, Telegram and email', () => {
    expect(links.map((l) => l.name)).toEqual(['WhatsApp', 'Facebook', 'X', 'Telegram', 'Email']);
    expect(links.map((l) => l.label)).toEqual([
      'Bagikan ke WhatsApp',
      'Bagikan ke Facebook',
      'Bagikan ke X',
      'Bagikan ke Telegram',
      'Bagikan lewat email',
    ]);
  });

  it('encodes the title and the canonical URL so each network reads them back whole', () => {
    const [whatsapp, facebook, x, telegram, email] = links.map((l) => new URL(l.href));
    expect(whatsapp?.origin).toBe('https://wa.me');
    expect(whatsapp?.searchParams.get('text')).toBe(`${title}\n${url}`);
    expect(facebook?.searchParams.get('u')).toBe(url);
    expect(x?.searchParams.get('url')).toBe(url);
    expect(x?.searchParams.get('text')).toBe(title);
    expect(telegram?.searchParams.get('url')).toBe(url);
    expect(telegram?.searchParams.get('text')).toBe(title);
    expect(email?.protocol).toBe('mailto:');
    expect(email?.searchParams.get('subject')).toBe(title);
    expect(email?.searchParams.get('body')).toBe(url);
    // Nothing in a link is left unencoded: a "&" in the title must not start a new parameter.
    for (const link of links) expect(link.href).not.toMatch(/[" ]|&[^a-z]/i);
  });
});
