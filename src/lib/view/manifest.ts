import { appIconPath, frontPagePath } from '../routes.ts';
import type { SiteConfig } from '../site-config.ts';
import { BACKGROUND_COLOR, BRAND_COLOR, type AppIconKind } from './brand.ts';
import { languageCode } from './urls.ts';

/** An icon the manifest lists, and the file `/ikon/<file>` that serves it. */
export interface AppIcon {
  readonly file: string;
  /** Width and height in pixels. */
  readonly size: number;
  readonly kind: Exclude<AppIconKind, 'apple-touch'>;
}

/**
 * The manifest's icons: 192 and 512 px, the sizes Chrome asks for to offer installing and to draw the
 * splash screen, and a maskable 512 px that Android crops to its launcher's shape. The 180 px
 * apple-touch-icon is not listed: iOS reads only the `<link rel="apple-touch-icon">`.
 */
export const APP_ICONS: readonly AppIcon[] = [
  { file: 'icon-192.png', size: 192, kind: 'any' },
  { file: 'icon-512.png', size: 512, kind: 'any' },
  { file: 'icon-maskable-512.png', size: 512, kind: 'maskable' },
];

/** The side of the apple-touch-icon: iPhones' home-screen icon at 3× (60 pt). */
export const APPLE_TOUCH_ICON_SIZE = 180;

/** `short_name` is shown under the home-screen icon, where launchers cut at about 12 characters. */
const SHORT_NAME_LENGTH = 12;

/** The web app manifest (`/manifest.webmanifest`) that lets a phone add the site to its home screen. */
export interface WebManifest {
  readonly id: string;
  readonly name: string;
  readonly short_name: string;
  readonly description: string;
  readonly lang: string;
  readonly dir: 'ltr';
  readonly start_url: string;
  readonly scope: string;
  readonly display: 'minimal-ui';
  readonly theme_color: string;
  readonly background_color: string;
  readonly categories: readonly string[];
  readonly icons: readonly { src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }[];
}

/**
 * The manifest from the site's settings.
 *
 * `display: minimal-ui`, not `standalone`: a news site is read as linked pages, not as one app. With
 * `standalone` the installed site loses the browser's back button and address bar, and these pages
 * have no script to give them back, so a reader who follows a "Baca juga" link or an outside link
 * could not go back or copy the story's URL. `minimal-ui` keeps back, reload and the URL; a browser
 * without it falls back to `browser`.
 */
export function webManifest(config: Pick<SiteConfig, 'name' | 'description' | 'locale'>): WebManifest {
  const name = config.name.trim();
  return {
    id: frontPagePath(),
    name,
    short_name: shortName(name),
    description: config.description,
    lang: languageCode(config.locale),
    // Indonesian is written left to right; a right-to-left locale would need its own setting.
    dir: 'ltr',
    start_url: frontPagePath(),
    scope: frontPagePath(),
    display: 'minimal-ui',
    theme_color: BRAND_COLOR,
    background_color: BACKGROUND_COLOR,
    categories: ['news'],
    icons: APP_ICONS.map((icon) => ({
      src: appIconPath(icon.file),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.kind,
    })),
  };
}

/** The site's name, or its first word when the name is too long for a home screen, cut at 12 characters. */
export function shortName(name: string): string {
  if (name.length <= SHORT_NAME_LENGTH) return name;
  const firstWord = name.split(/\s+/)[0] ?? name;
  return Array.from(firstWord).slice(0, SHORT_NAME_LENGTH).join('');
}
