import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { findBacaJugaBlocks, findStrayBacaJugaLabels, type BacaJugaBlock } from './baca-juga.ts';
import { markBacaJugaBlocks } from './baca-juga-slots.ts';

declare module 'vfile' {
  interface DataMap {
    /** The "Baca juga" blocks remark-baca-juga found; block N's marker is `bacaJugaMarker(N)`. */
    bacaJuga: BacaJugaBlock[];
  }
}

/**
 * Finds the "Baca juga" blocks, keeps them in `file.data.bacaJuga` and puts a marker paragraph in
 * each one's place, so the body renders before its links are resolved (see baca-juga-slots.ts).
 * A label with no list after it stays text, and is reported where it stands.
 */
export const remarkBacaJuga: Plugin<[], Root> = function () {
  return (tree, file) => {
    const blocks = findBacaJugaBlocks(tree);
    for (const label of findStrayBacaJugaLabels(tree)) {
      file.message('"Baca juga" label with no list right after it; it is shown as text', {
        place: label.position,
        ruleId: 'label-without-list',
        source: 'remark-baca-juga',
      });
    }
    markBacaJugaBlocks(tree, blocks);
    file.data.bacaJuga = blocks;
  };
};
