/**
 * Which of the metrics we asked for the API refused, read from its (#100) message. The API's
 * wordings: `metric[2] must be one of the following values: ...` (an index into our list),
 * `... does not support the views metric for this media product type`, `The following metrics
 * (profile_views) should be specified with parameter metric_type=total_value`, and messages that
 * name the metric once. A message that lists every valid metric must not count as naming them all.
 */
export function refusedMetric(message: string, asked: readonly string[]): string | undefined {
  const indexed = /metric\[(\d+)\]/.exec(message);
  if (indexed) return asked[Number(indexed[1])];
  const named = /\b(?:the|The) ([a-z_]+) metric\b/.exec(message);
  if (named && asked.includes(named[1]!)) return named[1];
  const listed = /metrics \(([a-z_, ]+)\)/.exec(message);
  if (listed) {
    const first = listed[1]!.split(',').map((m) => m.trim()).find((m) => asked.includes(m));
    if (first) return first;
  }
  // Otherwise the one asked metric the message names as a whole word (the longest, so that
  // `total_views` is not read as `views`); none when it names several.
  const words = new Set(message.match(/[a-z_]+/g) ?? []);
  const hits = asked.filter((m) => words.has(m));
  return hits.length === 1 ? hits[0] : undefined;
}
