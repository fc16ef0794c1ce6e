import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** Hosts whose `<iframe>` embeds articles may carry when none are configured. */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.instagram.com',
  'platform.twitter.com',
  'www.facebook.com',
  'open.spotify.com',
  'www.google.com',
];

/**
 * The allowlist for article bodies: GitHub's defaults (no script, style, form, meta, base, event
 * handlers, or javascript:/data:/vbscript: URLs) plus what news copy needs: figure and figcaption,
 * iframes (their hosts are checked separately), lazy images, and the attributes of Warta's own
 * generated nodes.
 */
export const newsSchema: Schema = {
  ...defaultSchema,
  // `input` is in GitHub's list only for task-list checkboxes; news copy has none, and no form controls.
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
    'figure',
    'figcaption',
    'iframe',
    'aside',
    'span',
    'cite',
    'caption',
    'colgroup',
    'col',
  ],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.['a'] ?? []), 'rel'],
    img: [
      ...(defaultSchema.attributes?.['img'] ?? []),
      'alt',
      'width',
      'height',
      ['loading', 'lazy'],
      ['decoding', 'async'],
    ],
    iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', ['loading', 'lazy']],
    aside: [
      ['dataRelated', 'baca-juga'],
      ['ariaLabel', 'Baca juga'],
      ['className', 'not-prose'],
    ],
    p: [['className', 'baca-juga-label']],
    span: [['className', 'dateline']],
  },
  protocols: {
    ...defaultSchema.protocols,
    src: ['http', 'https'],
  },
};
