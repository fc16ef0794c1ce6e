// Synthetic Indonesian news corpus, in memory or on disk. A faithful port of
// shared/bench/gencorpus.mjs (flavor "warta"): the same seed yields byte-identical
// files, so benchmarks here and the cross-generator comparisons use one corpus.
// usage: node scripts/generate-corpus.ts N OUTDIR [--seed S]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The fields drawn for an article before its text is written. */
interface Skeleton {
  readonly slug: string;
  readonly title: string;
  readonly date: Date;
  readonly category: string;
  readonly tags: readonly string[];
  readonly author: string;
  readonly dateline: string;
}

/** One generated article: its Markdown file plus the parsed fields, so callers need no parser. */
export interface GeneratedArticle extends Skeleton {
  readonly fileName: string;
  /** Full file text: YAML front matter, blank line, Markdown body. */
  readonly source: string;
  readonly summary: string;
  /** Markdown body after the front matter, "Baca juga:" block included. */
  readonly body: string;
}

/** Options for {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** PRNG seed (uint32); default 42 like the shared script. */
  readonly seed?: number;
}

// Kept verbatim (order matters: the Zipf draw favours the first words).
const W =
  `pemerintah presiden menteri rakyat negara kota desa provinsi kabupaten wilayah perbatasan pasukan tentara militer polisi
pengadilan hakim jaksa tersangka korban saksi laporan data angka persen triliun miliar juta rupiah dolar harga pasar saham bank
ekonomi inflasi pertumbuhan investasi ekspor impor perdagangan industri pabrik pekerja buruh petani nelayan sekolah guru siswa
mahasiswa kampus universitas rumah sakit dokter pasien vaksin virus penyakit kesehatan cuaca hujan banjir gempa longsor kebakaran
jalan tol kereta bandara pesawat kapal pelabuhan listrik air minyak gas batu bara energi tambang hutan sungai laut pulau gunung
partai pemilu calon suara kampanye parlemen dewan anggota komisi rapat sidang undang-undang aturan kebijakan program anggaran
subsidi pajak bantuan sosial warga masyarakat keluarga anak perempuan pemuda tokoh pemimpin juru bicara pejabat kepala direktur
perusahaan startup teknologi internet aplikasi digital ponsel satelit riset ilmuwan penelitian budaya seni musik film festival
olahraga sepak bola tim pelatih pemain gol pertandingan liga turnamen medali juara stadion klub suporter transfer musim
perang konflik serangan rudal drone gencatan senjata perundingan perjanjian kerja sama diplomasi kedutaan duta besar sanksi
bantuan kemanusiaan pengungsi perbatasan keamanan ancaman krisis tantangan upaya langkah rencana proyek pembangunan infrastruktur
mengatakan menyebut menegaskan menjelaskan mengungkapkan menambahkan melaporkan menyatakan meminta mendesak menolak menerima
menghadiri membahas menandatangani meresmikan mengumumkan memperkirakan mencatat menunjukkan meningkatkan menurunkan memperkuat
baru besar kecil tinggi rendah penting utama resmi nasional internasional regional lokal terbaru sementara lanjutan bersama
yang dan di ke dari pada dalam untuk dengan oleh karena itu ini akan telah sudah masih belum juga tidak bahwa sebagai atau
tersebut setelah sebelum selama antara terhadap hingga sejak menurut seperti namun tetapi sehingga agar jika saat ketika`.split(
    /\s+/,
  );
const NAMES = [
  'Budi Santoso',
  'Siti Rahmawati',
  'Andi Pratama',
  'Dewi Lestari',
  'Rizky Hidayat',
  'Putri Maharani',
  'Agus Salim',
  'Nur Aini',
  'Hendra Wijaya',
  'Rina Kusuma',
  'Fajar Nugroho',
  'Maya Sari',
];
const CITIES = [
  'JAKARTA',
  'SURABAYA',
  'BANDUNG',
  'MEDAN',
  'MAKASSAR',
  'SEMARANG',
  'YOGYAKARTA',
  'DENPASAR',
  'PALEMBANG',
  'BALIKPAPAN',
  'MOSKOW',
  'SEOUL',
  'WASHINGTON',
  'BEIJING',
  'TOKYO',
  'KAIRO',
  'LONDON',
];
const CATS = ['Nasional', 'Internasional', 'Ekonomi', 'Olahraga', 'Teknologi', 'Kesehatan', 'Metro', 'Daerah'];

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
const y = (v: unknown): string => JSON.stringify(v);

/** Generates `n` articles deterministically from `seed`; identical to gencorpus.mjs output. */
export function generateCorpus(n: number, options: GenerateCorpusOptions = {}): GeneratedArticle[] {
  return Array.from(generateArticles(n, options));
}

/**
 * mulberry32: a seeded generator of numbers in [0, 1), the one the shared corpus script uses, so
 * the corpus and the bench word lists drawn from it are the same on every machine.
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Same articles as {@link generateCorpus}, one at a time, so large runs need not hold every source. */
export function* generateArticles(
  n: number,
  options: GenerateCorpusOptions = {},
): Generator<GeneratedArticle, void, undefined> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`article count must be a non-negative integer, got ${n}`);
  // State private to this call so two calls with one seed agree.
  const rnd = mulberry32(options.seed ?? 42);
  // Every draw below must happen in the shared script's order, or the corpus diverges.
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const zipf = <T>(a: readonly T[]): T => a[Math.min(a.length - 1, Math.floor(a.length * Math.pow(rnd(), 2.2)))] as T;
  const TAGS = Array.from(
    { length: 240 },
    (_, i) =>
      `${pick(W)} ${pick(W)}`.replace(/\b\w/g, (c) => c.toUpperCase()) + (i % 7 === 0 ? ` ${2020 + (i % 6)}` : ''),
  );
  const sentence = (len: number): string => cap(Array.from({ length: len }, () => zipf(W)).join(' ')) + '.';
  const para = (): string =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sentence(8 + Math.floor(rnd() * 14))).join(' ');
  const titleOf = (i: number): string => `${cap(pick(W))} ${pick(W)} ${pick(W)} ${pick(W)} ${pick(W)} ${pick(W)} ${i}`;

  const arts: Skeleton[] = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd() * 3 * 365 * 86400e3));
    return {
      slug: `artikel-${String(i).padStart(6, '0')}`,
      title: titleOf(i),
      date: d,
      category: pick(CATS),
      tags: Array.from(new Set([zipf(TAGS), zipf(TAGS), zipf(TAGS)])),
      author: pick(NAMES),
      dateline: pick(CITIES),
    };
  });

  for (const a of arts) {
    const paras = Array.from({ length: 6 + Math.floor(rnd() * 9) }, para);
    paras[0] = `${a.dateline} - ${paras[0] ?? ''}`;
    const rel = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => arts[Math.floor(rnd() * n)] as Skeleton).filter(
      (r) => r !== a,
    );
    const items = rel.map((r, k) => (k % 2 ? `- ${r.title}` : `- [${r.title}](${r.slug}.md)`));
    const at = Math.min(paras.length - 1, 2 + Math.floor(rnd() * 3));
    paras.splice(at, 0, `Baca juga:\n\n${items.join('\n')}`);
    const summary = sentence(18);
    const fm = [
      '---',
      `title: ${y(a.title)}`,
      `date: ${a.date.toISOString()}`,
      `category: ${y(a.category)}`,
      `tags: [${a.tags.map(y).join(', ')}]`,
      `author: ${y(a.author)}`,
      `dateline: ${y(a.dateline)}`,
      `summary: ${y(summary)}`,
      '---',
    ];
    const body = paras.join('\n\n') + '\n';
    yield { ...a, fileName: `${a.slug}.md`, source: fm.join('\n') + '\n\n' + body, summary, body };
  }
}

function main(argv: readonly string[]): void {
  const [nArg, out, ...rest] = argv;
  const n = Number(nArg);
  if (!n || !out) {
    console.error('usage: node scripts/generate-corpus.ts N OUTDIR [--seed S]');
    process.exit(2);
  }
  const seedAt = rest.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(rest[seedAt + 1]) : 42;
  fs.mkdirSync(out, { recursive: true });
  for (const article of generateArticles(n, { seed }))
    fs.writeFileSync(path.join(out, article.fileName), article.source);
  console.error(`wrote ${n} warta articles to ${out}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2));
}
