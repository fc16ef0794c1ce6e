/**
 * Share links for an article (issue #18): plain links to each network's share endpoint, so sharing
 * works with no JavaScript on the page (../shared/NEWSROOM.md, "Sharing without JavaScript").
 * WhatsApp comes first: most Indonesian readers arrive from, and share to, WhatsApp.
 */
export interface ShareLink {
  /** Short visible name, e.g. `WhatsApp`. */
  readonly name: string;
  /** What a screen reader says: `Bagikan ke WhatsApp`. */
  readonly label: string;
  readonly href: string;
  /** Which icon the component draws. */
  readonly icon: 'whatsapp' | 'facebook' | 'x' | 'telegram' | 'email';
}

/** The share links for the page at the absolute `url` titled `title`, WhatsApp first. */
export function shareLinks(title: string, url: string): ShareLink[] {
  const t = encodeURIComponent(title);
  const u = encodeURIComponent(url);
  const link = (name: string, icon: ShareLink['icon'], href: string, label = `Bagikan ke ${name}`): ShareLink => ({
    name,
    label,
    href,
    icon,
  });
  return [
    // WhatsApp takes one text: the title, then the link on its own line, which WhatsApp previews.
    link('WhatsApp', 'whatsapp', `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}`),
    link('Facebook', 'facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`),
    link('X', 'x', `https://twitter.com/intent/tweet?url=${u}&text=${t}`),
    link('Telegram', 'telegram', `https://t.me/share/url?url=${u}&text=${t}`),
    link('Email', 'email', `mailto:?subject=${t}&body=${u}`, 'Bagikan lewat email'),
  ];
}
