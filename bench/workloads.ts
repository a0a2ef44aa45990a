/**
 * The benchmark's workloads (issue 7): the SQL igsql runs, the sandbox each runs against, and the
 * fewest *sequential* round trips the Graph API allows for it (the lower bound, × latency).
 */
export interface Sizes {
  /** W2–W4 media, and comments per media of W4. */
  readonly media: number;
  readonly commentsPerMedia: number;
  /** W5 albums. */
  readonly albums: number;
  /** W6 media. */
  readonly bigMedia: number;
  /** W7 comments, spread over w7Media media. */
  readonly w7Comments: number;
  readonly w7Media: number;
}

export const FULL: Sizes = { media: 2_000, commentsPerMedia: 20, albums: 500, bigMedia: 100_000, w7Comments: 1_000_000, w7Media: 10_000 };
export const QUICK: Sizes = { media: 300, commentsPerMedia: 20, albums: 60, bigMedia: 10_000, w7Comments: 100_000, w7Media: 2_000 };

export type SandboxKey = 'main' | 'albums' | 'big' | 'comments';

export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly sandbox: SandboxKey;
  readonly sql: string;
  /** igsql reads it through conn.stream() without keeping the rows. */
  readonly stream?: boolean;
  /** Whether the Meta-SDK script runs it (W7 only through igsql: 10,000+ calls prove nothing new). */
  readonly sdk: boolean;
  /** Whether igsql also runs with grouping off (W7: that is W4's per-media reads, 10,000 times). */
  readonly ungrouped?: boolean;
  /** Node flags of igsql's child process (W7h: a heap cap). */
  readonly nodeOptions?: readonly string[];
  /** The sandbox answers from memory what it answered in an untimed first run (see Memo in sandboxes.ts). */
  readonly memo?: boolean;
  /** Run only at these latencies (default: every latency of the run). */
  readonly latencies?: readonly number[];
  /** Sequential round trips of the best possible client, given the sandbox's data. */
  lowerBound(facts: Facts): number;
}

/** What the parent learns from the sandboxes before running (sizes actually generated). */
export interface Facts {
  readonly mainMedia: number;
  readonly albumsMedia: number;
  readonly bigMedia: number;
  readonly w7Media: number;
  /** Media of the W7 sandbox whose top-level comments need more than one page of 50. */
  readonly w7MediaOverPage: number;
  /** W7's fewest sequential round trips (media pages, then each media's comment pages in sequence). */
  readonly w7Rounds: number;
}

const pages = (n: number, size = 100) => Math.max(1, Math.ceil(n / size));

export const WORKLOADS: readonly Workload[] = [
  { id: 'W1', title: 'SELECT * FROM Page', sandbox: 'main', sql: 'SELECT * FROM Page', sdk: true, lowerBound: () => 1 },
  {
    id: 'W2', title: 'Id, Caption, LikeCount of every media', sandbox: 'main', sdk: true,
    sql: 'SELECT Id, Caption, LikeCount FROM Media',
    lowerBound: (f) => pages(f.mainMedia),
  },
  {
    id: 'W3', title: 'Media joined to MediaInsights (mixed types)', sandbox: 'main', sdk: true,
    sql: 'SELECT m.Id, m.MediaType, i.Reach, i.Views, i.Likes, i.Saved, i.Shares FROM Media m JOIN MediaInsights i ON i.MediaId = m.Id',
    // the media pages in sequence; the insights of each page overlap the next page, but the
    // last page's insights need one more round trip (a metric set per media type cannot nest).
    lowerBound: (f) => pages(f.mainMedia) + 1,
  },
  {
    id: 'W4', title: 'Comments per media (GROUP BY)', sandbox: 'main', sdk: true,
    sql: 'SELECT MediaId, COUNT(*) AS N FROM Comments GROUP BY MediaId',
    lowerBound: (f) => pages(f.mainMedia), // comments nested in the media pages
  },
  {
    id: 'W5', title: 'Carousel children of the albums', sandbox: 'albums', sdk: true,
    sql: 'SELECT MediaId, Position, Id, MediaType, MediaUrl FROM MediaChildren',
    lowerBound: (f) => pages(f.albumsMedia), // children nested in the media pages
  },
  {
    id: 'W6', title: 'The 10 newest media', sandbox: 'big', sdk: true,
    sql: 'SELECT Id, Caption, Timestamp FROM Media ORDER BY Timestamp DESC LIMIT 10',
    lowerBound: () => 1,
  },
  {
    id: 'W7', title: 'Full scan of the comments via conn.stream()', sandbox: 'comments', sdk: false, ungrouped: false, stream: true,
    sql: 'SELECT * FROM Comments',
    lowerBound: (f) => f.w7Rounds,
  },
  {
    // W7 against a sandbox that answers from memory (the same requests and bytes, after an untimed
    // run): its rendering, ~5–7 s of CPU on the two cores igsql also uses, left out, as the lower
    // bound leaves the API's own work out. What remains over the bound is igsql's.
    id: 'W7m', title: 'W7 with the sandbox answering from memory', sandbox: 'comments', sdk: false, ungrouped: false, stream: true, memo: true,
    sql: 'SELECT * FROM Comments', latencies: [50],
    lowerBound: (f) => f.w7Rounds,
  },
  {
    // W7 again with V8's old space capped at 128 MB: igsql's live heap during the scan is flat
    // (~40 MB); the default heap lets garbage pile up before a major GC, which is what RSS shows.
    id: 'W7h', title: 'W7 with node --max-old-space-size=128', sandbox: 'comments', sdk: false, ungrouped: false, stream: true,
    sql: 'SELECT * FROM Comments', nodeOptions: ['--max-old-space-size=128'], latencies: [0],
    lowerBound: (f) => f.w7Rounds,
  },
];
