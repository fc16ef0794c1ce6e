import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readBody, type BodyLocation } from '../../src/lib/storage/body-pack.ts';
import { lastBodyIndex, openBodyStore } from '../../src/lib/storage/body-store.ts';
import { keepResultsAcrossBuilds } from '../../src/lib/once-per-object.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

// Issue #20: the publish server keeps the body store's index it wrote for its next build, instead of
// reading it back (body-store.ts, `keptIndexOf`), while the file is the one it wrote and its packs
// are whole. This file runs as the server does.
keepResultsAcrossBuilds();

const freshDirectory = (): string => path.join(makeTempDir('warta-kept-bodies-'), 'bodies');

/** One build, as in body-store.test.ts: returns the locations, the counts and how the index was found. */
const build = (directory: string, bodies: Record<string, string>, version = 'v1') => {
  const store = openBodyStore(directory, version);
  const source = lastBodyIndex.source;
  const locations = Object.fromEntries(
    Object.entries(bodies).map(([key, html]) => [key, store.find(key) ?? store.add(key, html)]),
  );
  store.finish();
  return { locations, counts: { ...store.counts }, source };
};

describe('the body index the publish server keeps', () => {
  it('is used for the next build instead of the file, with the same bodies found and written', () => {
    const directory = freshDirectory();
    const first = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua.</p>' });
    expect(first.source).toBe('read');
    const second = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua.</p>', c: '<p>Tiga.</p>' });
    expect(second).toMatchObject({ source: 'kept', counts: { found: 2, written: 1 } });
    expect(second.locations['a']).toEqual(first.locations['a']);
    const third = build(directory, { b: '<p>Dua.</p>', c: '<p>Tiga.</p>' });
    expect(third).toMatchObject({ source: 'kept', counts: { found: 2, written: 0 } });
    for (const [key, at] of Object.entries(third.locations)) expect(readBody(directory, at, key)).toMatch(/^<p>/);
  });

  it('is read from its file again once another build replaced the file', () => {
    const directory = freshDirectory();
    const first = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua.</p>' });
    // Another process's build names only "a" now (written whole, then renamed, as builds write it).
    const a = first.locations['a']!;
    const other = path.join(directory, 'bodies.index.other');
    fs.writeFileSync(other, v8.serialize({ version: 'v1', entries: [['a', a.pack, a.offset, a.length]] }));
    fs.renameSync(other, path.join(directory, 'bodies.index'));
    const next = build(directory, { a: '<p>Satu.</p>', b: '<p>Dua.</p>' });
    expect(next).toMatchObject({ source: 'read', counts: { found: 1, written: 1 } });
  });

  it('is not used when a pack it names was cut short or deleted', () => {
    const directory = freshDirectory();
    const first = build(directory, { a: '<p>Satu.</p>' });
    const pack = path.join(directory, first.locations['a']!.pack);
    fs.truncateSync(pack, 3);
    const cut = build(directory, { a: '<p>Satu.</p>' });
    expect(cut).toMatchObject({ source: 'read', counts: { found: 0, written: 1 } });
    expect(readBody(directory, cut.locations['a']!, 'a')).toBe('<p>Satu.</p>');
    fs.rmSync(path.join(directory, cut.locations['a']!.pack));
    expect(build(directory, { a: '<p>Satu.</p>' })).toMatchObject({ source: 'read', counts: { found: 0 } });
  });

  it('follows the file’s rules: another rendering version finds nothing, and mostly-garbage packs are written again', () => {
    const directory = freshDirectory();
    build(directory, { a: '<p>Satu.</p>' });
    expect(build(directory, { a: '<p>Satu.</p>' }, 'v2')).toMatchObject({ source: 'read', counts: { found: 0 } });
    const big = `<p>${'Panjang. '.repeat(1000)}</p>`;
    build(directory, { x: big, b: '<p>Dua.</p>' });
    expect(build(directory, { b: '<p>Dua.</p>' }).counts).toEqual({ found: 1, written: 0 });
    const fresh = build(directory, { b: '<p>Dua.</p>' });
    expect(fresh).toMatchObject({ source: 'kept', counts: { found: 0, written: 1 } });
    const packs = (locations: Record<string, BodyLocation>) => new Set(Object.values(locations).map((l) => l.pack));
    expect([...packs(fresh.locations)]).toEqual(fs.readdirSync(directory).filter((name) => name.endsWith('.pack')));
  });
});
