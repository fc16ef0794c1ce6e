// Indonesian stopwords: the maintained stopwords-iso list (via the `stopword`
// package) plus a few words that are noise only in news copy.
import { ind } from 'stopword';
import { foldText } from './fold.ts';

// Datelines, bylines and page furniture repeat in every article and would make
// any two stories from the same Monday look related.
const NEWSROOM_STOPWORDS = [
  'baca',
  'halaman',
  'foto',
  'video',
  'editor',
  'redaksi',
  'wib',
  'wita',
  'wit',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
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
  // Compass words end place names ("Korea Utara", "Jakarta Utara", "Jawa Barat"): alone they match
  // places that have nothing in common, which made a Jakarta flood the closest story to one about
  // North Korea (issue #18). The place's own word ("korea", "jakarta") and the tags still match.
  'utara',
  'selatan',
  'timur',
  'barat',
  'tenggara',
  // Clitics hyphenated onto acronyms and names ("KPU-nya", "Jakarta-lah").
  'nya',
  'lah',
  'kah',
];

/** Folded Indonesian stopwords, single words and reduplicated forms ("masing-masing"). */
export const INDONESIAN_STOPWORDS: ReadonlySet<string> = new Set(
  [...ind, ...NEWSROOM_STOPWORDS].map((word) => foldText(word)),
);
