import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestCode, digestModules, moduleGraph } from '../../src/lib/storage/digest-code.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('the code version of a cache', () => {
  const work = makeTempDir('warta-digest-code-');
  const write = (name: string, text: string) => {
    const at = path.join(work, name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.writeFileSync(at, text);
    return at;
  };
  const at = (name: string) => path.join(work, name);

  write(
    'search/record.ts',
    "import { a } from '../view/a.ts';\nimport type { T } from '../content/t.ts';\nexport const r = a;\n",
  );
  write(
    'search/build.ts',
    [
      'import {',
      '  record,',
      '  type Record,',
      "} from './record.ts';",
      "export { shard } from './shard.ts';",
      "import './side-effect.ts';",
      "export type { Only } from './types-only.ts';",
      "const worker = new URL('./worker.ts', import.meta.url);",
      "import fs from 'node:fs';",
      '',
    ].join('\n'),
  );
  write('search/shard.ts', 'export const shard = 1;\n');
  write('search/side-effect.ts', '');
  write('search/types-only.ts', 'export type Only = 1;\n');
  write('search/worker.ts', "import { record } from './record.ts';\n");
  write('search/page.ts', "import { record } from './record.ts';\n");
  write('view/a.ts', 'export const a = 1;\n');
  write('content/t.ts', 'export type T = 1;\n');

  it('follows relative imports, re-exports, side-effect imports and worker URLs, but not type-only imports', () => {
    expect(moduleGraph([at('search/build.ts')])).toEqual(
      [
        'search/build.ts',
        'search/record.ts',
        'search/shard.ts',
        'search/side-effect.ts',
        'search/worker.ts',
        'view/a.ts',
      ].map(at),
    );
  });

  it('changes with a module the entries reach, and not with one beside them', () => {
    const before = digestModules([at('search/build.ts')]);
    write('search/page.ts', "import { record } from './record.ts';\nexport const changed = true;\n");
    write('content/t.ts', 'export type T = 2;\n');
    expect(digestModules([at('search/build.ts')])).toBe(before);
    write('view/a.ts', 'export const a = 2;\n');
    expect(digestModules([at('search/build.ts')])).not.toBe(before);
    expect(digestModules([at('search/build.ts')], 'salt')).not.toBe(digestModules([at('search/build.ts')]));
  });

  it('refuses an import of a file that does not exist, naming the importer', () => {
    write('broken.ts', "import { x } from './gone.ts';\n");
    expect(() => moduleGraph([at('broken.ts')])).toThrow(/broken\.ts imports .*gone\.ts, which does not exist/);
  });

  it('digests folders and files by name and content', () => {
    const folder = digestCode([at('view')]);
    write('view/b.ts', '');
    expect(digestCode([at('view')])).not.toBe(folder);
    expect(digestCode([at('view/a.ts')])).toBe(digestCode([at('view/a.ts')]));
  });
});
