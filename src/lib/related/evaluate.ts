// Precision and recall of computed "Berita Terkait" lists against topic labels,
// at several score thresholds. Used to choose `minScore` (config.ts), by the
// quality test and by `npm run bench:related`; not part of the site build.
import type { RelatedMatch } from './types.ts';

/** Quality of the computed lists at one threshold. */
export interface ThresholdQuality {
  /** Matches below this score were left out (score units, see RelatedMatch.score). */
  readonly minScore: number;
  /** Same-topic matches over all listed matches; 1 when nothing is listed (nothing wrong is shown). */
  readonly precision: number;
  /** Same-topic matches over the most there could be: per article min(limit, same-topic peers). */
  readonly recall: number;
  /** Matches listed, summed over articles. */
  readonly listed: number;
  /** Articles left with an empty computed list. */
  readonly emptyLists: number;
}

/**
 * Scores `lists` (each article's computed list, best first, searched with no threshold and at most
 * `limit` long) against `topicOf` at each of `thresholds`. Cutting a best-first list at a threshold
 * gives exactly what a search with that `minScore` returns, so one search serves every threshold.
 *
 * Recall is relative to what fits in a list: with 7 same-topic peers and a limit of 5, five correct
 * matches are a recall of 1. That makes 1 reachable, so the figure says what a threshold costs.
 */
export function evaluateThresholds(
  lists: ReadonlyMap<string, readonly RelatedMatch[]>,
  topicOf: ReadonlyMap<string, string>,
  limit: number,
  thresholds: readonly number[],
): ThresholdQuality[] {
  const peers = new Map<string, number>();
  for (const topic of topicOf.values()) peers.set(topic, (peers.get(topic) ?? 0) + 1);
  let reachable = 0;
  for (const slug of lists.keys()) {
    const topic = topicOf.get(slug);
    if (topic !== undefined) reachable += Math.min(limit, (peers.get(topic) ?? 1) - 1);
  }
  return thresholds.map((minScore) => {
    let listed = 0;
    let hits = 0;
    let emptyLists = 0;
    for (const [slug, matches] of lists) {
      const topic = topicOf.get(slug);
      const kept = matches.slice(0, limit).filter((match) => match.score >= minScore);
      if (kept.length === 0) emptyLists++;
      listed += kept.length;
      if (topic !== undefined) hits += kept.filter((match) => topicOf.get(match.slug) === topic).length;
    }
    return {
      minScore,
      precision: listed === 0 ? 1 : hits / listed,
      recall: reachable === 0 ? 1 : hits / reachable,
      listed,
      emptyLists,
    };
  });
}
