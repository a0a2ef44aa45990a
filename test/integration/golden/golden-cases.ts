/**
 * Representative queries whose Graph requests and EXPLAIN output are pinned in golden/*.json:
 * each one exercises one kind of pushdown (or its deliberate absence). Ids are the sandbox's for
 * seed 7 (deterministic).
 */
export interface GoldenCase {
  readonly name: string;
  readonly sql: string;
  /** What the golden file proves. */
  readonly why: string;
}

const IMAGE = '17998082042934346';
const CAROUSEL = '17951671828536101';
const REEL = '17915201988273214';
const ACCOUNT = '17841558254179305';
const COMMENT_WITH_REPLY = '18294000622125454';

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'page-all', why: 'Page reads /me/accounts once', sql: 'SELECT * FROM Page' },
  { name: 'account-by-id', why: 'Id = on Account reads that account by id', sql: `SELECT Username, FollowersCount FROM Account WHERE Id = '${ACCOUNT}'` },
  { name: 'media-id-equality', why: 'Id = reads one media by id, no edge scan', sql: `SELECT Id, Caption FROM Media WHERE Id = '${IMAGE}'` },
  { name: 'media-id-in', why: 'Id IN reads the media in one ?ids= request', sql: `SELECT Id, MediaType FROM Media WHERE Id IN ('${IMAGE}', '${CAROUSEL}', '${REEL}')` },
  { name: 'media-account-id', why: 'AccountId = scans only that account, without the /me/accounts lookup', sql: `SELECT Id FROM Media WHERE AccountId = '${ACCOUNT}'` },
  { name: 'media-timestamp-range', why: 'a Timestamp range becomes since/until', sql: "SELECT Id, Timestamp FROM Media WHERE Timestamp >= '2026-04-01' AND Timestamp < '2026-05-01'" },
  { name: 'media-projection', why: 'only the selected columns reach fields=', sql: 'SELECT Caption, LikeCount FROM Media' },
  { name: 'media-limit', why: 'LIMIT with nothing after the scan becomes the page size and stops paging', sql: 'SELECT Id FROM Media LIMIT 5' },
  { name: 'media-order-by-view-order-limit', why: 'ORDER BY the order the view already gives keeps the LIMIT pushed', sql: `SELECT Id FROM Media WHERE AccountId = '${ACCOUNT}' ORDER BY Timestamp DESC LIMIT 3` },
  { name: 'media-order-by-likes-limit', why: 'no LIMIT pushdown past an ORDER BY the view does not give', sql: 'SELECT Id, LikeCount FROM Media ORDER BY LikeCount DESC LIMIT 3' },
  { name: 'media-filter-limit', why: 'no LIMIT pushdown past a filter igsql evaluates', sql: 'SELECT Id FROM Media WHERE LikeCount > 100 LIMIT 3' },
  { name: 'comments-media-parent', why: 'MediaId = reads the comments of that media only', sql: `SELECT Id, Text FROM Comments WHERE MediaId = '${IMAGE}'` },
  { name: 'comments-scan', why: 'all comments come nested in the media pages', sql: 'SELECT MediaId, COUNT(*) AS N FROM Comments GROUP BY MediaId' },
  { name: 'replies-comment-parent', why: 'CommentId = reads the replies of that comment only', sql: `SELECT Id, Text FROM Replies WHERE CommentId = '${COMMENT_WITH_REPLY}'` },
  { name: 'join-lookup-comments', why: 'a join pushes the outer keys into the inner view (MediaId IN batch)', sql: `SELECT m.Id, c.Text FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Timestamp >= '2026-05-01'` },
  { name: 'join-lookup-account', why: 'a join on Account.Id reads the accounts by id', sql: `SELECT m.Id, a.Username FROM Media m JOIN Account a ON a.Id = m.AccountId WHERE m.Id = '${REEL}'` },
  { name: 'media-insights-by-id', why: 'MediaInsights groups the metric requests of several media', sql: `SELECT MediaId, MediaType, Reach, Views FROM MediaInsights WHERE MediaId IN ('${IMAGE}', '${CAROUSEL}', '${REEL}')` },
  { name: 'media-insights-join', why: 'insights joined to media reuse the media ids', sql: `SELECT m.Id, i.Reach FROM Media m JOIN MediaInsights i ON i.MediaId = m.Id WHERE m.Timestamp >= '2026-05-10'` },
  { name: 'account-insights-inputs', why: 'Metric, Period, Since and Until are insight inputs', sql: `SELECT Metric, EndTime, Value FROM AccountInsights WHERE AccountId = '${ACCOUNT}' AND Metric = 'reach' AND Period = 'day' AND Since = '2026-05-01' AND Until = '2026-05-08'` },
  { name: 'account-insights-breakdown', why: 'Breakdown implies metric_type=total_value', sql: `SELECT BreakdownValue, Value FROM AccountInsights WHERE AccountId = '${ACCOUNT}' AND Metric = 'views' AND Breakdown = 'media_product_type' AND Since = '2026-05-01' AND Until = '2026-05-15'` },
  { name: 'audience-insights', why: 'AudienceType and Timeframe are insight inputs', sql: `SELECT AudienceGroup, Value FROM AudienceInsights WHERE AccountId = '${ACCOUNT}' AND AudienceType = 'country' AND Timeframe = 'this_month'` },
  { name: 'cdata-account-follow-type', why: "CData's AccountFollowType is AccountInsights with breakdown=follow_type", sql: `SELECT Metric, BreakdownValue, Value FROM AccountFollowType WHERE AccountId = '${ACCOUNT}' AND Since = '2026-05-01' AND Until = '2026-05-15'` },
  { name: 'account-insights-daily-totals', why: 'a daily view reads total values one day at a time', sql: `SELECT EndTime, Value FROM AccountInsightsDaily WHERE AccountId = '${ACCOUNT}' AND Metric = 'views' AND Since = '2026-05-01' AND Until = '2026-05-04'` },
  { name: 'exists-first-row', why: 'EXISTS needs one row: LIMIT 1 reaches the scan (limit=1, nothing read ahead)', sql: `SELECT Name FROM Page WHERE EXISTS (SELECT 1 FROM Media WHERE AccountId = '${ACCOUNT}')` },
  { name: 'correlated-exists', why: 'a correlated subquery reads its inner view a batch of outer values at a time', sql: 'SELECT m.Id FROM Media m WHERE EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id AND c.LikeCount > 3)' },
  { name: 'correlated-scalar', why: 'a correlated scalar subquery in the select list is batched too', sql: `SELECT m.Id, (SELECT COUNT(*) FROM Comments c WHERE c.MediaId = m.Id) AS N FROM Media m WHERE m.AccountId = '${ACCOUNT}'` },
];
