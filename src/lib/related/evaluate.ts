// Precision and recall of computed "Berita Terkait" lists against topic labels,
// at several minimum similarities. Used to choose `minSimilarity` (config.ts), by
// the quality test and by `npm run bench:related`; not part of the site build.
import type { RelatedConfig } from './config.ts';
import { rankRelated } from './rank.ts';
import type { RelatedDocument } from './types.ts';

/** Quality of the computed lists at one minimum similarity. */
export interface ThresholdQuality {
  /** Matches less similar than this were left out (similarity units, see config `minSimilarity`). */
  readonly minSimilarity: number;
  /** Same-topic matches over all listed matches; 1 when nothing is listed (nothing wrong is shown). */
  readonly precision: number;
  /** Same-topic matches over the most there could be: per article min(limit, same-topic peers). */
  readonly recall: number;
  /** Matches listed, summed over articles. */
  readonly listed: number;
  /** Listed matches of another topic, summed over articles. */
  readonly wrong: number;
  /** Articles left with an empty computed list. */
  readonly emptyLists: number;
}

/**
 * Ranks `docs` with `config` once per entry of `thresholds` (as its `minSimilarity`) and scores the
 * lists against `topicOf`. Each threshold needs its own search: the minimum applies to similarity
 * while lists are ordered by the full score, so a cut can let a lower-scored story move up; cutting
 * one unthresholded list would not give what readers see.
 *
 * Recall is relative to what fits in a list: with 7 same-topic peers and a limit of 5, five correct
 * matches are a recall of 1. That makes 1 reachable, so the figure says what a threshold costs.
 */
export function evaluateThresholds(
  docs: readonly RelatedDocument[],
  topicOf: ReadonlyMap<string, string>,
  config: RelatedConfig,
  thresholds: readonly number[],
): ThresholdQuality[] {
  const { limit } = config;
  const peers = new Map<string, number>();
  for (const topic of topicOf.values()) peers.set(topic, (peers.get(topic) ?? 0) + 1);
  let reachable = 0;
  for (const { slug } of docs) {
    const topic = topicOf.get(slug);
    if (topic !== undefined) reachable += Math.min(limit, (peers.get(topic) ?? 1) - 1);
  }
  return thresholds.map((minSimilarity) => {
    const lists = rankRelated(docs, { ...config, minSimilarity });
    let listed = 0;
    let hits = 0;
    let emptyLists = 0;
    for (const [slug, matches] of lists) {
      const topic = topicOf.get(slug);
      if (matches.length === 0) emptyLists++;
      listed += matches.length;
      if (topic !== undefined) hits += matches.filter((match) => topicOf.get(match.slug) === topic).length;
    }
    return {
      minSimilarity,
      precision: listed === 0 ? 1 : hits / listed,
      recall: reachable === 0 ? 1 : hits / reachable,
      listed,
      wrong: listed - hits,
      emptyLists,
    };
  });
}
