// The module's one tie-break order: newer article first, then slug ascending.
// Precomputing it as an integer rank lets hot loops break ties with a single
// comparison instead of touching dates and strings.

/** Rank of each document under (time descending, slug ascending); ranks are distinct. */
export function buildTieRanks(slugs: readonly string[], times: Float64Array): Uint32Array {
  const order = Array.from(slugs.keys());
  order.sort((a, b) => {
    const byTime = (times[b] ?? 0) - (times[a] ?? 0);
    if (byTime !== 0) return byTime;
    // Code-unit comparison, not localeCompare: identical on every machine and locale.
    const slugA = slugs[a] ?? '';
    const slugB = slugs[b] ?? '';
    return slugA < slugB ? -1 : slugA > slugB ? 1 : 0;
  });
  const ranks = new Uint32Array(slugs.length);
  order.forEach((doc, rank) => {
    ranks[doc] = rank;
  });
  return ranks;
}
