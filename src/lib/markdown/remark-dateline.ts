import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { markDateline } from './dateline.ts';

/** Wraps the lead's dateline prefix in `<span class="dateline">` (see `markDateline`). */
export const remarkDateline: Plugin<[], Root> = function () {
  return (tree) => {
    markDateline(tree);
  };
};
