/**
 * `text` without the trailing characters that `set` (a one-character class such as `/[,.;]/`)
 * matches.
 *
 * Written by hand because the obvious `text.replace(/[,.;]+$/, '')` backtracks quadratically: on a
 * long run of those characters that is not at the end, the regex starts at each character of the
 * run and scans the rest of it again (issue #16: a 150 KB article kept a build busy for minutes).
 * This loop reads each character at most once.
 */
export function trimEndMatching(text: string, set: RegExp): string {
  let end = text.length;
  while (end > 0 && set.test(text.charAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}
