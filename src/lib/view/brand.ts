import { escapeXml } from './urls.ts';

const BRAND = '#b42318';
const SERIF = 'Charter, Georgia, &apos;Times New Roman&apos;, serif';

/** The publisher logo (a wordmark), `width` × `height` pixels, for structured data and feeds. */
export function logoSvg(name: string, width: number, height: number): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(name)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${Math.round(height * 0.2)}" y="${Math.round(height * 0.78)}" font-family="${SERIF}" font-size="${Math.round(height * 0.8)}" font-weight="900" fill="${BRAND}">${escapeXml(name)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The browser-tab icon: the name's first letter, white on the brand colour. */
export function faviconSvg(name: string): string {
  const letter = escapeXml(name.trim().charAt(0).toUpperCase() || 'W');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
    `<rect width="64" height="64" rx="12" fill="${BRAND}"/>`,
    `<text x="32" y="47" text-anchor="middle" font-family="${SERIF}" font-size="44" font-weight="900" fill="#ffffff">${letter}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
