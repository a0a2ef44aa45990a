/**
 * Splitting a whole number into parts by weight (largest remainder), so that breakdown results
 * always add up to the total they break down.
 */

/** Non-negative integers proportional to `weights` that sum exactly to `total` (0 when all weights are 0). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]!++;
  return parts;
}

/** `[label, value]` pairs of an allocation, zero values left out (Meta omits empty results). */
export function split(total: number, labels: readonly string[], weights: readonly number[]): [string, number][] {
  const parts = allocate(total, weights);
  return labels.map((label, i): [string, number] => [label, parts[i] ?? 0]).filter(([, value]) => value > 0);
}
