/**
 * follower_demographics and engaged_audience_demographics: a seeded audience per account split by
 * age, city, country and gender (one or more at once, crossed), the top 45 groups only, as the API
 * gives them (graph-api.md §2.2). Weights are per account, so every request agrees with the others.
 */
import type { IgAccountRecord } from '../data/world.js';
import { rngFor } from '../data/rng.js';
import { allocate } from './allocate.js';

export const TOP_GROUPS = 45;

const AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const AGE_WEIGHTS = [0.02, 0.21, 0.36, 0.22, 0.11, 0.05, 0.03];
const GENDERS = ['F', 'M', 'U'];
const GENDER_WEIGHTS = [0.54, 0.43, 0.03];
const COUNTRIES = [
  'US', 'GB', 'CA', 'AU', 'DE', 'FR', 'BR', 'MX', 'IT', 'ES', 'NL', 'IN', 'JP', 'KR', 'SE', 'IE', 'NZ', 'AR', 'CO', 'CL',
  'PT', 'BE', 'CH', 'AT', 'DK', 'NO', 'FI', 'PL', 'TR', 'ZA', 'NG', 'EG', 'AE', 'SA', 'IL', 'SG', 'MY', 'ID', 'PH', 'TH',
  'VN', 'TW', 'HK', 'CN', 'RU', 'UA', 'RO', 'GR', 'CZ', 'HU', 'PE', 'EC', 'UY', 'KE', 'MA',
];
const CITIES = [
  'New York, New York', 'Los Angeles, California', 'Chicago, Illinois', 'Seattle, Washington', 'Portland, Oregon',
  'San Francisco, California', 'Austin, Texas', 'Brooklyn, New York', 'Denver, Colorado', 'Boston, Massachusetts',
  'London, England', 'Toronto, Ontario', 'Vancouver, British Columbia', 'Sydney, New South Wales', 'Melbourne, Victoria',
  'Berlin, Berlin', 'Paris, Île-de-France', 'São Paulo, São Paulo (state)', 'Mexico City, Distrito Federal', 'Madrid, Comunidad de Madrid',
  'Milan, Lombardy', 'Amsterdam, North Holland', 'Dublin, Dublin', 'Manchester, England', 'Montreal, Quebec',
  'Philadelphia, Pennsylvania', 'Houston, Texas', 'Atlanta, Georgia', 'Miami, Florida', 'San Diego, California',
  'Minneapolis, Minnesota', 'Nashville, Tennessee', 'Phoenix, Arizona', 'Dallas, Texas', 'Washington, District of Columbia',
  'Oakland, California', 'Sacramento, California', 'Salt Lake City, Utah', 'Pittsburgh, Pennsylvania', 'Detroit, Michigan',
  'Tokyo, Tokyo', 'Seoul, Seoul', 'Mumbai, Maharashtra', 'Buenos Aires, Buenos Aires', 'Bogotá, Distrito Especial',
  'Lisbon, Lisbon District', 'Stockholm, Stockholm County', 'Copenhagen, Capital Region of Denmark', 'Auckland, Auckland Region', 'Cape Town, Western Cape',
];

export const AUDIENCE_DIMENSIONS: Readonly<Record<string, { labels: readonly string[]; weights?: readonly number[] }>> = {
  age: { labels: AGES, weights: AGE_WEIGHTS },
  gender: { labels: GENDERS, weights: GENDER_WEIGHTS },
  country: { labels: COUNTRIES },
  city: { labels: CITIES },
};

/** Per-account weights of one dimension: the base shape, or a Zipf-like tail, jittered by seed. */
function weightsOf(seed: number, account: IgAccountRecord, dimension: string): number[] {
  const spec = AUDIENCE_DIMENSIONS[dimension]!;
  const rng = rngFor(seed, 'audience', account.index, dimension);
  return spec.labels.map((_, i) => (spec.weights?.[i] ?? 1 / (i + 1) ** 1.1) * (0.75 + rng.next() * 0.5));
}

export interface DemographicResult {
  readonly dimension_values: string[];
  readonly value: number;
}

/** The top 45 groups of `total` accounts crossed over `dimensions`, largest first (prefix: leading dimension values). */
export function demographicResults(seed: number, account: IgAccountRecord, dimensions: readonly string[], total: number, prefix: readonly string[] = []): DemographicResult[] {
  let groups: { labels: string[]; weight: number }[] = [{ labels: [], weight: 1 }];
  for (const dimension of dimensions) {
    const labels = AUDIENCE_DIMENSIONS[dimension]!.labels;
    const weights = weightsOf(seed, account, dimension);
    groups = groups.flatMap((g) => labels.map((label, i) => ({ labels: [...g.labels, label], weight: g.weight * weights[i]! })));
  }
  const values = allocate(total, groups.map((g) => g.weight));
  return groups
    .map((g, i) => ({ dimension_values: [...prefix, ...g.labels], value: values[i]! }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value || a.dimension_values.join().localeCompare(b.dimension_values.join()))
    .slice(0, TOP_GROUPS);
}
