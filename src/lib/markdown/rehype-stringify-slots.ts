import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { stringifyWithSlots } from './baca-juga-slots.ts';

declare module 'vfile' {
  interface DataMap {
    /** Offset in the compiled HTML of each "Baca juga" block's place, in document order. */
    bacaJugaSlots: readonly number[];
  }
}

/**
 * The compiler: HTML like rehype-stringify's, without the "Baca juga" marker paragraphs, whose
 * offsets go to `file.data.bacaJugaSlots` for `fillBacaJuga`.
 */
export const rehypeStringifySlots: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    const { html, bacaJugaSlots } = stringifyWithSlots(tree as Root);
    file.data.bacaJugaSlots = bacaJugaSlots;
    return html;
  };
};
