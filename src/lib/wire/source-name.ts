import { trimEndMatching } from '../text/trim.ts';

/**
 * Reads the publication a wire story credits, from phrases such as "seperti dilansir dari
 * The Korea Times 27 Desember", "melansir Reuters," or "dikutip dari kompas.com".
 */

const PHRASE = /(?:^|[^\p{L}])(?:dilansir(?:\s+dari)?|melansir|dikutip\s+dari)\s+/giu;
// Lower-case words that often stand between the phrase and the name: "dilansir dari laman resmi WHO".
const LEAD_INS = new Set([
  'laman',
  'situs',
  'media',
  'kantor',
  'berita',
  'harian',
  'portal',
  'surat',
  'kabar',
  'majalah',
  'stasiun',
  'televisi',
  'resmi',
  'akun',
]);
// Lower-case words allowed inside a name when a capitalised word follows: "The Times of India".
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'el', 'al', '&']);
// Capitalised words that end a name rather than continue it: days, months, "Pada Jumat".
const STOP_WORDS = new Set([
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  "jum'at",
  'sabtu',
  'minggu',
  'ahad',
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
  'pada',
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'bahwa',
  'hari',
  'pekan',
  'tanggal',
  'edisi',
]);
const MAX_WORDS = 8;

/** The first publication name credited in `paragraphs`, or undefined when none is. */
export function readSourceName(paragraphs: readonly string[]): string | undefined {
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(PHRASE)) {
      const name = readName(paragraph.slice(match.index + match[0].length));
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/** Reads the name at the start of `text`: capitalised or domain-like words up to a stop. */
function readName(text: string): string | undefined {
  const words: string[] = [];
  const tokens = text.split(' ');
  let index = 0;
  while (index < tokens.length && words.length === 0 && LEAD_INS.has(tokens[index] ?? '')) index += 1;
  for (; index < tokens.length && words.length < MAX_WORDS; index += 1) {
    const raw = (tokens[index] ?? '').replace(/^["“‘'*_]+/, '');
    // A comma, full stop, bracket or quote after the word ends the name; a dot inside ("kompas.com") does not.
    const word = trimEndMatching(raw, /[,.;:!?)"”’'*_]/);
    const ends = word !== raw;
    if (!isNameWord(word, words.length > 0, tokens[index + 1])) break;
    words.push(word);
    if (ends) break;
  }
  while (words.length > 0 && CONNECTORS.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  return words.length > 0 ? words.join(' ') : undefined;
}

function isNameWord(word: string, inside: boolean, next: string | undefined): boolean {
  if (word === '' || STOP_WORDS.has(word.toLowerCase()) || /^\p{N}/u.test(word) || word.startsWith('(')) return false;
  if (/^\p{Lu}/u.test(word)) return true;
  if (/^[\p{Ll}\p{N}-]+(?:\.[\p{Ll}\p{N}-]+)+$/u.test(word)) return true; // a site: kompas.com, detik.com
  return inside && CONNECTORS.has(word) && next !== undefined && /^\p{Lu}/u.test(next);
}
