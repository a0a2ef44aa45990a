/**
 * Hand-written cases for the sandbox's real columns (AltText, ChildrenCount, IsSharedToFeed,
 * Comments.AccountId, Account.PageName…), written so the real views push filters down: ids,
 * AccountId, MediaId and Timestamp ranges drawn from the loaded rows.
 */
import type { ConformanceTable } from './data.js';
import type { ConformanceCase } from './harness.js';

const c = (sql: string, more: Partial<ConformanceCase> = {}): ConformanceCase => ({ sql, ...more });
const o = (sql: string, more: Partial<ConformanceCase> = {}): ConformanceCase => ({ sql, ordered: true, ...more });

function sqliteText(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function sandboxCases(tables: readonly ConformanceTable[]): Record<string, ConformanceCase[]> {
  const rows = (name: string) => tables.find((t) => t.name === name)?.rows ?? [];
  const media = rows('Media');
  const comments = rows('Comments');
  const accounts = rows('Account');
  const m = (i: number) => String(media[(i * 7) % media.length]!['Id']);
  const a = (i: number) => String(accounts[i % accounts.length]!['Id']);
  const commented = [...new Set(comments.map((r) => String(r['MediaId'])))];
  const cm = (i: number) => commented[(i * 5) % commented.length]!;
  const stamps = media.map((r) => r['Timestamp'] as Date).sort((x, y) => x.getTime() - y.getTime());
  const t = (q: number) => sqliteText(stamps[Math.floor(q * (stamps.length - 1))]!);
  const day = (q: number) => t(q).slice(0, 10);
  const cid = String(comments[3]!['Id']);

  return {
    'sandbox pushdown': [
      c(`SELECT Id, Caption FROM Media WHERE Id = '${m(1)}'`),
      c(`SELECT Id FROM Media WHERE Id IN ('${m(1)}', '${m(2)}', '${m(3)}', 'nope')`),
      c(`SELECT Id FROM Media WHERE Id = '${m(4)}' AND LikeCount > 10`),
      c(`SELECT Id FROM Media WHERE Id = '${m(4)}' OR Id = '${m(5)}'`),
      c(`SELECT COUNT(*) FROM Media WHERE AccountId = '${a(0)}'`),
      c(`SELECT COUNT(*) FROM Media WHERE AccountId = '${a(1)}'`),
      c(`SELECT Id FROM Media WHERE AccountId IN ('${a(0)}', '${a(1)}') AND MediaType = 'VIDEO'`),
      c(`SELECT Id FROM Media WHERE AccountId = 'nobody'`),
      c(`SELECT Id FROM Media WHERE Timestamp >= '${t(0.5)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp > '${t(0.5)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp < '${t(0.3)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp <= '${t(0.3)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp = '${t(0.6)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp BETWEEN '${t(0.2)}' AND '${t(0.4)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp >= '${day(0.7)}' AND Timestamp < '${day(0.9)}'`),
      c(`SELECT Id FROM Media WHERE Timestamp >= '${day(0.7)}' AND AccountId = '${a(0)}'`),
      c(`SELECT Id, Text FROM Comments WHERE MediaId = '${cm(1)}'`),
      c(`SELECT Id FROM Comments WHERE MediaId IN ('${cm(2)}', '${cm(3)}')`),
      c(`SELECT Id FROM Comments WHERE MediaId = '${cm(4)}' AND Hidden = 1`),
      c(`SELECT Id, Username FROM Comments WHERE Id = '${cid}'`),
      c(`SELECT COUNT(*) FROM Comments WHERE AccountId = '${a(0)}'`),
      c(`SELECT Id FROM Comments WHERE MediaId = 'nope'`),
      c(`SELECT Username, FollowersCount FROM Account WHERE Id = '${a(1)}'`),
      c(`SELECT Id FROM Account WHERE Username = '${String(accounts[0]!['Username'])}'`),
      o(`SELECT Id, Timestamp FROM Media ORDER BY Timestamp DESC, Id LIMIT 5`),
      o(`SELECT Id FROM Media WHERE AccountId = '${a(0)}' ORDER BY Timestamp DESC, Id LIMIT 3 OFFSET 2`),
      o(`SELECT Id FROM Media ORDER BY Timestamp, Id LIMIT 4`),
      c(`SELECT Id FROM Media LIMIT 0`),
      c(`SELECT COUNT(*) FROM (SELECT Id FROM Media LIMIT 7) AS x`),
    ],
    'sandbox joins': [
      c(`SELECT m.Id, c.Id FROM Media m JOIN Comments c ON c.MediaId = m.Id`),
      c(`SELECT m.Id, COUNT(c.Id) FROM Media m LEFT JOIN Comments c ON c.MediaId = m.Id GROUP BY m.Id`),
      c(`SELECT m.Id, m.CommentsCount, COUNT(c.Id) FROM Media m LEFT JOIN Comments c ON c.MediaId = m.Id GROUP BY m.Id, m.CommentsCount HAVING COUNT(c.Id) <> m.CommentsCount`),
      c(`SELECT m.Id, c.Text FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Id = '${cm(1)}'`),
      c(`SELECT m.Id, c.Text FROM Comments c JOIN Media m ON m.Id = c.MediaId WHERE c.MediaId IN ('${cm(2)}', '${cm(5)}')`),
      c(`SELECT m.Caption, c.Username FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Timestamp >= '${day(0.8)}'`),
      c(`SELECT m.Id, c.Id FROM Media m JOIN Comments c ON c.MediaId = m.Id AND c.AccountId = m.AccountId WHERE m.AccountId = '${a(0)}'`),
      c(`SELECT a.Username, COUNT(*) FROM Account a JOIN Media m ON m.AccountId = a.Id GROUP BY a.Username`),
      c(`SELECT a.Username, m.MediaType, COUNT(c.Id) FROM Account a JOIN Media m ON m.AccountId = a.Id LEFT JOIN Comments c ON c.MediaId = m.Id GROUP BY a.Username, m.MediaType`),
      c(`SELECT a.Id, a.MediaCount, COUNT(m.Id) FROM Account a LEFT JOIN Media m ON m.AccountId = a.Id GROUP BY a.Id, a.MediaCount`),
      c(`SELECT c.Username, COUNT(*) AS n FROM Comments c JOIN Media m ON m.Id = c.MediaId WHERE m.MediaType = 'IMAGE' GROUP BY c.Username HAVING COUNT(*) > 1`),
      c(`SELECT m.Id FROM Media m WHERE NOT EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id)`),
      c(`SELECT m.Id FROM Media m WHERE EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id AND c.Hidden = 1)`),
      c(`SELECT m.Id, (SELECT COUNT(*) FROM Comments c WHERE c.MediaId = m.Id) FROM Media m WHERE m.AccountId = '${a(0)}'`),
      c(`SELECT m.Id, (SELECT MAX(c.LikeCount) FROM Comments c WHERE c.MediaId = m.Id) AS top FROM Media m`),
      c(`SELECT Id FROM Media WHERE Id IN (SELECT MediaId FROM Comments WHERE LikeCount > 5)`),
      c(`SELECT Id FROM Media WHERE Id NOT IN (SELECT MediaId FROM Comments)`),
      c(`SELECT c1.Id, c2.Id FROM Comments c1 JOIN Comments c2 ON c1.MediaId = c2.MediaId AND c1.Id < c2.Id WHERE c1.MediaId = '${cm(3)}'`),
      c(`SELECT m.Id, a.Username FROM Media m, Account a WHERE a.Id = m.AccountId AND m.LikeCount > 100`),
      c(`SELECT COUNT(*) FROM Media m CROSS JOIN Account a`),
      c(`SELECT m.Id, c.Id FROM Media m FULL JOIN Comments c ON c.MediaId = m.Id AND c.LikeCount > 3`),
      c(`SELECT m.Id, c.Id FROM Comments c RIGHT JOIN Media m ON c.MediaId = m.Id WHERE m.MediaType = 'CAROUSEL_ALBUM'`),
      o(`SELECT m.Id, COUNT(c.Id) AS n FROM Media m LEFT JOIN Comments c ON c.MediaId = m.Id GROUP BY m.Id ORDER BY n DESC, m.Id LIMIT 10`),
    ],
    'sandbox nulls, case, like, dates': [
      c(`SELECT Id FROM Media WHERE AltText IS NULL`),
      c(`SELECT Id, ChildrenCount FROM Media WHERE ChildrenCount IS NOT NULL`),
      c(`SELECT MediaType, COUNT(ChildrenCount), SUM(ChildrenCount), COUNT(ThumbnailUrl), COUNT(*) FROM Media GROUP BY MediaType`),
      c(`SELECT COALESCE(IsSharedToFeed, -1), COUNT(*) FROM Media GROUP BY COALESCE(IsSharedToFeed, -1)`),
      c(`SELECT Id, CASE MediaType WHEN 'VIDEO' THEN 'v' WHEN 'IMAGE' THEN 'i' ELSE 'o' END FROM Media`),
      c(`SELECT CASE WHEN LikeCount >= 100 THEN 'hit' WHEN LikeCount >= 20 THEN 'ok' ELSE 'low' END AS band, COUNT(*) FROM Media GROUP BY band`),
      c(`SELECT Id FROM Media WHERE Caption LIKE '%#%'`),
      c(`SELECT Id FROM Media WHERE Caption NOT LIKE '%coffee%'`),
      c(`SELECT Id FROM Media WHERE LOWER(Caption) LIKE '%the%'`),
      c(`SELECT Id FROM Comments WHERE Text LIKE '%🔥%'`),
      c(`SELECT Id FROM Comments WHERE Username LIKE '%.%'`),
      c(`SELECT Id FROM Comments WHERE Username LIKE '_____'`),
      c(`SELECT Username, COUNT(*) FROM Comments GROUP BY Username`),
      c(`SELECT Hidden, COUNT(*), AVG(LikeCount) FROM Comments GROUP BY Hidden`),
      c(`SELECT MediaId, MAX(Timestamp), MIN(Timestamp) FROM Comments GROUP BY MediaId`),
      c(`SELECT STRFTIME('%Y-%m', Timestamp) AS month, COUNT(*) FROM Media GROUP BY month`),
      c(`SELECT STRFTIME('%H', Timestamp), COUNT(*) FROM Comments GROUP BY STRFTIME('%H', Timestamp)`),
      c(`SELECT Id, DATE(Timestamp) FROM Media WHERE DATE(Timestamp) >= '${day(0.5)}'`),
      c(`SELECT COUNT(*) FROM Comments c JOIN Media m ON m.Id = c.MediaId WHERE c.Timestamp < m.Timestamp`),
      c(`SELECT Id, LENGTH(Caption), UPPER(SUBSTR(Caption, 1, 5)) FROM Media`),
      c(`SELECT Id, NULLIF(LikeCount, 0), COALESCE(AltText, Caption, 'none') FROM Media`),
      c(`SELECT DISTINCT MediaType, MediaProductType FROM Media`),
      c(`SELECT DISTINCT Username FROM Comments WHERE Hidden = 0`),
      c(`SELECT COUNT(DISTINCT MediaId), COUNT(DISTINCT Username) FROM Comments`),
      c(`SELECT Id FROM Media WHERE LikeCount > (SELECT AVG(LikeCount) FROM Media)`),
      c(`SELECT Username, Biography, Website FROM Account WHERE Website IS NOT NULL`),
      c(`SELECT Id, PageName, FollowersCount - FollowsCount FROM Account`),
      c(`SELECT MediaType FROM Media UNION SELECT 'COMMENT' FROM Comments`),
      c(`SELECT MediaId FROM Comments UNION ALL SELECT Id FROM Media WHERE MediaType = 'VIDEO'`),
      o(`SELECT Id, LikeCount FROM Media ORDER BY LikeCount DESC NULLS LAST, Id LIMIT 10 OFFSET 5`),
      o(`SELECT Id, Timestamp FROM Comments ORDER BY Timestamp DESC, Id LIMIT 20`),
      o(`SELECT Username, COUNT(*) AS n FROM Comments GROUP BY Username ORDER BY n DESC, Username LIMIT 5`),
      o(`SELECT TOP 3 Id FROM Media ORDER BY CommentsCount DESC, Id`),
    ],
  };
}
