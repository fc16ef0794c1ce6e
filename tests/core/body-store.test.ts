import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBody, type BodyLocation } from '../../src/lib/storage/body-pack.ts';
import { openBodyStore, startBodyPack } from '../../src/lib/storage/body-store.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const freshDirectory = (): string => path.join(makeTempDir('warta-bodies-'), 'bodies');
const packs = (directory: string): string[] => fs.readdirSync(directory).sort();

describe('body pack', () => {
  it('reads back every body it wrote, multibyte text and bodies larger than a write included', () => {
    const directory = freshDirectory();
    const bodies = [
      '<p>JAKARTA - Presiden Rusia Vladimir Putin mengirim pesan Tahun Baru.</p>',
      '',
      '<p>Harga cabai naik — “tajam” 🌶️ di pasar Kramat Jati.</p>',
      `<p>${'Isi panjang. '.repeat(200_000)}</p>`, // 2.6 MB: spans several writes
      '<p>Terakhir.</p>',
    ];
    const pack = startBodyPack(directory);
    const locations = bodies.map((html) => pack.add(html));
    pack.finish(0);
    bodies.forEach((html, i) => expect(readBody(directory, locations[i]!, `artikel-${i}`)).toBe(html));
    expect(packs(directory)).toEqual([locations[0]!.pack]);
    expect(fs.statSync(path.join(directory, locations[0]!.pack)).size).toBe(
      bodies.reduce((n, b) => n + Buffer.byteLength(b), 0),
    );
  });

  it('is not readable under its final name until finished', () => {
    const directory = freshDirectory();
    const pack = startBodyPack(directory);
    const location = pack.add('<p>Belum.</p>');
    expect(() => readBody(directory, location, 'belum-selesai')).toThrow(
      /"belum-selesai" is missing: .*does not exist/,
    );
    pack.finish(0);
    expect(readBody(directory, location, 'belum-selesai')).toBe('<p>Belum.</p>');
  });

  it('deletes older packs when a load finishes, keeping as many previous ones as asked', () => {
    const directory = freshDirectory();
    const write = (html: string, keepPrevious: number): BodyLocation => {
      const pack = startBodyPack(directory);
      const location = pack.add(html);
      pack.finish(keepPrevious);
      return location;
    };
    const first = write('<p>Satu.</p>', 2);
    const second = write('<p>Dua.</p>', 2);
    const third = write('<p>Tiga.</p>', 2);
    expect(packs(directory)).toEqual([first.pack, second.pack, third.pack]);
    const fourth = write('<p>Empat.</p>', 2);
    expect(packs(directory)).toEqual([second.pack, third.pack, fourth.pack]);
    expect(readBody(directory, second, 'dua')).toBe('<p>Dua.</p>');
    const fifth = write('<p>Lima.</p>', 0);
    expect(packs(directory)).toEqual([fifth.pack]);
    expect(() => readBody(directory, first, 'satu')).toThrow(/"satu" is missing/);
  });

  it('cleans up temporary files of other processes and folders of the one-file-per-body format', () => {
    const directory = freshDirectory();
    fs.mkdirSync(path.join(directory, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(directory, 'ab', 'ab12cd34.html'), '<p>Lama.</p>');
    const crashed = path.join(directory, '000000000000001-000000-999999999.pack.tmp');
    fs.writeFileSync(crashed, 'setengah');
    const pack = startBodyPack(directory);
    const location = pack.add('<p>Baru.</p>');
    pack.finish(0);
    expect(packs(directory)).toEqual([location.pack]);
  });

  it('leaves the packs of another running process (a dev server beside a build) alone', () => {
    const directory = freshDirectory();
    fs.mkdirSync(directory, { recursive: true });
    const running = `000000000000001-000000-${process.ppid}.pack`;
    const ended = '000000000000002-000000-999999999.pack';
    const writing = `000000000000003-000000-${process.ppid}.pack.tmp`;
    for (const name of [running, ended, writing]) fs.writeFileSync(path.join(directory, name), '<p>x</p>');
    const pack = startBodyPack(directory);
    const location = pack.add('<p>Baru.</p>');
    pack.finish(0);
    expect(packs(directory)).toEqual([running, writing, location.pack].sort());
  });

  it('says which article lost its body, and what to do, when the pack is cut short', () => {
    const directory = freshDirectory();
    const pack = startBodyPack(directory);
    pack.add('<p>Pertama.</p>');
    const last = pack.add('<p>Putin kirim pesan ke Kim Jong-un.</p>');
    pack.finish(0);
    fs.truncateSync(path.join(directory, last.pack), last.offset + 5);
    expect(() => readBody(directory, last, 'putin-kirim-pesan')).toThrow(
      /article "putin-kirim-pesan" is missing: .* ends before it \(offset 15, 40 bytes\).*run the build again/,
    );
  });

  it('refuses pack names that could leave the body folder', () => {
    const directory = freshDirectory();
    expect(() => readBody(directory, { pack: '../../etc/passwd', offset: 0, length: 4 }, 'x')).toThrow(
      'Invalid body pack name',
    );
  });
});

describe('body store', () => {
  /** One build: finds or writes each body by its key, then finishes; returns the locations and counts. */
  const build = (directory: string, bodies: Record<string, string>, version = 'v1') => {
    const store = openBodyStore(directory, version);
    const locations = Object.fromEntries(
      Object.entries(bodies).map(([key, html]) => [key, store.find(key) ?? store.add(key, html)]),
    );
    store.finish();
    return { locations, counts: { ...store.counts } };
  };
  const read = (directory: string, locations: Record<string, BodyLocation>) =>
    Object.fromEntries(Object.entries(locations).map(([key, at]) => [key, readBody(directory, at, key)]));

  it('writes only the bodies the previous build did not have, and reads every body back', () => {
    const directory = freshDirectory();
    const first = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua — “dua”.</p>' });
    expect(first.counts).toEqual({ found: 0, written: 2 });
    const second = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua — “dua”.</p>', c: '<p>Tiga.</p>' });
    expect(second.counts).toEqual({ found: 2, written: 1 });
    expect(second.locations['a']).toEqual(first.locations['a']);
    expect(second.locations['c']?.pack).not.toBe(first.locations['a']?.pack);
    expect(read(directory, second.locations)).toEqual({
      a: '<p>Satu.</p>',
      b: '<p>Dua — “dua”.</p>',
      c: '<p>Tiga.</p>',
    });
    // Both packs are in use; a build that writes nothing keeps them and writes no pack.
    expect(packs(directory).filter((name) => name.endsWith('.pack'))).toHaveLength(2);
    const third = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua — “dua”.</p>', c: '<p>Tiga.</p>' });
    expect(third.counts).toEqual({ found: 3, written: 0 });
    expect(packs(directory).filter((name) => name.endsWith('.pack'))).toHaveLength(2);
  });

  it('deletes the packs no body in use is in, and indexes left by stopped builds', () => {
    const directory = freshDirectory();
    const first = build(directory, { a: '<p>Satu.</p>' });
    fs.writeFileSync(path.join(directory, 'bodies.index.999999999.tmp'), 'setengah');
    const second = build(directory, { b: '<p>Dua.</p>' });
    expect(packs(directory)).toEqual([second.locations['b']!.pack, 'bodies.index']);
    expect(() => readBody(directory, first.locations['a']!, 'a')).toThrow(/"a" is missing/);
  });

  it('writes everything again into one pack once most of the packs it uses are garbage', () => {
    const directory = freshDirectory();
    const big = `<p>${'Panjang. '.repeat(1000)}</p>`;
    build(directory, { a: big, b: '<p>Dua.</p>' });
    // b alone is in use now, a sliver of its pack: the next build starts over.
    expect(build(directory, { b: '<p>Dua.</p>' }).counts).toEqual({ found: 1, written: 0 });
    const fresh = build(directory, { b: '<p>Dua.</p>' });
    expect(fresh.counts).toEqual({ found: 0, written: 1 });
    expect(packs(directory)).toEqual([fresh.locations['b']!.pack, 'bodies.index']);
    expect(read(directory, fresh.locations)).toEqual({ b: '<p>Dua.</p>' });
  });

  it('finds nothing after the rendering code changed, or when its index or a pack is damaged or gone', () => {
    const directory = freshDirectory();
    build(directory, { a: '<p>Satu.</p>' });
    expect(build(directory, { a: '<p>Satu.</p>' }, 'v2').counts.found).toBe(0);
    const { locations } = build(directory, { a: '<p>Satu.</p>' }, 'v2');
    fs.truncateSync(path.join(directory, locations['a']!.pack), 3);
    expect(build(directory, { a: '<p>Satu.</p>' }, 'v2').counts.found).toBe(0);
    fs.writeFileSync(path.join(directory, 'bodies.index'), 'rusak');
    const again = build(directory, { a: '<p>Satu.</p>' }, 'v2');
    expect(again.counts.found).toBe(0);
    expect(read(directory, again.locations)).toEqual({ a: '<p>Satu.</p>' });
  });
});
