/**
 * Generated conformance queries (deterministic for a seed): random WHERE trees with SQL's
 * three-valued logic, random GROUP BY / HAVING, joins, ORDER BY with LIMIT/OFFSET, and random
 * expression trees in the select list.
 */
import { prng, type ConformanceTable } from './data.js';
import type { ConformanceCase } from './harness.js';

type Rand = () => number;

const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

function dateLiteral(r: Rand): string {
  const d = new Date(Date.UTC(2025, 5, 1) + int(r, 0, 340) * 86_400_000 + (r() < 0.5 ? int(r, 1, 86_399) * 1000 : 0));
  const iso = d.toISOString();
  return r() < 0.5 || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function mediaAtom(r: Rand, ids: readonly string[], accounts: readonly string[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  switch (int(r, 0, 13)) {
    case 0:
    case 1:
      return `${a}${pick(r, ['LikeCount', 'CommentsCount'])} ${pick(r, ['=', '<>', '<', '<=', '>', '>='])} ${r() < 0.15 ? `'${int(r, 0, 300)}'` : int(r, 0, 300)}`;
    case 2:
      return `${a}LikeCount ${r() < 0.3 ? 'NOT ' : ''}BETWEEN ${int(r, 0, 100)} AND ${int(r, 50, 400)}`;
    case 3:
      return `${a}CommentsCount ${r() < 0.3 ? 'NOT ' : ''}IN (${[int(r, 0, 11), int(r, 0, 11), int(r, 0, 11)].join(', ')}${r() < 0.3 ? ', NULL' : ''})`;
    case 4:
      return `${a}${pick(r, ['Caption', 'MediaProductType', 'LikeCount', 'MediaUrl', 'ThumbnailUrl'])} IS ${r() < 0.5 ? 'NOT ' : ''}NULL`;
    case 5:
      return `${a}MediaType ${pick(r, ['=', '<>'])} '${pick(r, ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'])}'`;
    case 6:
      return `${a}MediaProductType ${r() < 0.3 ? 'NOT ' : ''}IN ('${pick(r, ['FEED', 'REELS'])}', '${pick(r, ['STORY', 'AD'])}')`;
    case 7:
      return `${a}Caption ${r() < 0.25 ? 'NOT ' : ''}LIKE '${pick(r, ['%e%', '#%', '%a_', 's%', '%🔥%', '%CAFÉ%', '_%_', '%travel%', '%NEW%', ''])}'`;
    case 8:
      return `${a}Timestamp ${pick(r, ['<', '<=', '>', '>='])} '${dateLiteral(r)}'`;
    case 9:
      return pick(r, [`${a}IsCommentEnabled`, `NOT ${a}IsCommentEnabled`, `${a}IsCommentEnabled = TRUE`, `${a}IsCommentEnabled = 0`]);
    case 10:
      return pick(r, [`${a}LikeCount + ${a}CommentsCount > ${int(r, 0, 300)}`, `${a}LikeCount % ${int(r, 2, 7)} = ${int(r, 0, 1)}`, `${a}LikeCount * 2 < ${a}CommentsCount * ${int(r, 5, 60)}`]);
    case 11:
      return `${a}Id IN (${[pick(r, ids), pick(r, ids), pick(r, ids)].map((x) => `'${x}'`).join(', ')})`;
    case 12:
      return `${a}AccountId = '${pick(r, accounts)}'`;
    default:
      return `LENGTH(${a}Caption) ${pick(r, ['<', '>', '='])} ${int(r, 0, 40)}`;
  }
}

export function whereTree(r: Rand, depth: number, atom: () => string): string {
  if (depth === 0 || r() < 0.3) return atom();
  switch (int(r, 0, 2)) {
    case 0:
      return `(${whereTree(r, depth - 1, atom)} AND ${whereTree(r, depth - 1, atom)})`;
    case 1:
      return `(${whereTree(r, depth - 1, atom)} OR ${whereTree(r, depth - 1, atom)})`;
    default:
      return `NOT (${whereTree(r, depth - 1, atom)})`;
  }
}

const GROUP_COLUMNS = ['MediaType', 'MediaProductType', 'AccountId', 'IsCommentEnabled', 'CommentsCount % 3', "STRFTIME('%m', Timestamp)", 'LikeCount IS NULL'];
const AGGREGATES = ['COUNT(*)', 'COUNT(LikeCount)', 'SUM(LikeCount)', 'AVG(CommentsCount)', 'MIN(Caption)', 'MAX(Timestamp)', 'COUNT(DISTINCT MediaType)', 'SUM(CommentsCount)', 'MAX(LikeCount) - MIN(LikeCount)', 'AVG(LENGTH(Caption))'];

function scalar(r: Rand, depth: number): string {
  const leaves = ['LikeCount', 'CommentsCount', 'COALESCE(LikeCount, 0)', `${int(r, 1, 20)}`, 'LENGTH(Caption)'];
  if (depth === 0) return pick(r, leaves);
  switch (int(r, 0, 7)) {
    case 0: return `(${scalar(r, depth - 1)} ${pick(r, ['+', '-', '*'])} ${scalar(r, depth - 1)})`;
    case 1: return `ABS(${scalar(r, depth - 1)} - ${int(r, 0, 100)})`;
    case 2: return `IIF(${scalar(r, depth - 1)} > ${int(r, 0, 100)}, ${scalar(r, depth - 1)}, ${scalar(r, depth - 1)})`;
    case 3: return `CASE WHEN ${scalar(r, depth - 1)} IS NULL THEN -1 WHEN ${scalar(r, depth - 1)} < ${int(r, 0, 50)} THEN 0 ELSE ${scalar(r, depth - 1)} END`;
    case 4: return `ROUND(${scalar(r, depth - 1)} / ${int(r, 2, 9)}.0, ${int(r, 0, 3)})`;
    case 5: return `(${scalar(r, depth - 1)} % ${int(r, 2, 9)})`;
    case 6: return `COALESCE(NULLIF(${scalar(r, depth - 1)}, ${int(r, 0, 5)}), ${int(r, 0, 9)})`;
    default: return `(${scalar(r, depth - 1)} / ${int(r, 1, 9)})`;
  }
}

function text(r: Rand, depth: number): string {
  const leaves = ['Caption', 'MediaType', 'MediaProductType', "'x'", 'ShortCode'];
  if (depth === 0) return pick(r, leaves);
  switch (int(r, 0, 6)) {
    case 0: return `UPPER(${text(r, depth - 1)})`;
    case 1: return `LOWER(${text(r, depth - 1)})`;
    case 2: return `SUBSTR(${text(r, depth - 1)}, ${int(r, -5, 6)}, ${int(r, 0, 8)})`;
    case 3: return `(${text(r, depth - 1)} || '-' || ${text(r, depth - 1)})`;
    case 4: return `REPLACE(${text(r, depth - 1)}, '${pick(r, ['a', 'E', '#', ' '])}', '${pick(r, ['', '_', 'XY'])}')`;
    case 5: return `COALESCE(${text(r, depth - 1)}, '∅')`;
    default: return `TRIM(${text(r, depth - 1)})`;
  }
}

/** Queries over Media, Comments and Account; ids are drawn from `tables` (synthetic or the sandbox's). */
export function generatedCases(seed: number, tables: readonly ConformanceTable[]): Record<string, ConformanceCase[]> {
  const r = prng(seed);
  const rowsOf = (name: string): readonly Record<string, unknown>[] => tables.find((t) => t.name === name)?.rows ?? [];
  const ids = rowsOf('Media').map((row) => String(row['Id']));
  const accounts = rowsOf('Account').map((row) => String(row['Id']));
  const atom = (alias = ''): (() => string) => () => mediaAtom(r, ids, accounts, alias);
  const out: Record<string, ConformanceCase[]> = { 'generated where': [], 'generated group by': [], 'generated joins': [], 'generated order/limit': [], 'generated expressions': [], 'generated subqueries': [] };

  for (let i = 0; i < 110; i++) out['generated where']!.push({ sql: `SELECT Id FROM Media WHERE ${whereTree(r, 3, atom())}` });

  for (let i = 0; i < 50; i++) {
    const groups = [pick(r, GROUP_COLUMNS), ...(r() < 0.4 ? [pick(r, GROUP_COLUMNS)] : [])];
    const aggs = [pick(r, AGGREGATES), pick(r, AGGREGATES), ...(r() < 0.5 ? [pick(r, AGGREGATES)] : [])];
    const where = r() < 0.5 ? ` WHERE ${whereTree(r, 1, atom())}` : '';
    const having = r() < 0.4 ? ` HAVING COUNT(*) > ${int(r, 1, 20)}` : '';
    out['generated group by']!.push({ sql: `SELECT ${[...groups, ...aggs].join(', ')} FROM Media${where} GROUP BY ${groups.join(', ')}${having}` });
  }

  for (let i = 0; i < 50; i++) {
    const type = pick(r, ['JOIN', 'LEFT JOIN', 'JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN']);
    const extra = r() < 0.3 ? ` AND c.${pick(r, ['Hidden = 0', 'LikeCount > 5', 'ParentId IS NULL'])}` : '';
    const account = r() < 0.3 ? ` ${pick(r, ['JOIN', 'LEFT JOIN'])} Account a ON a.Id = m.AccountId` : '';
    const where = r() < 0.7 ? ` WHERE ${whereTree(r, 2, atom('m'))}` : '';
    const commentWhere = r() < 0.3 ? `${where ? ' AND' : ' WHERE'} c.${pick(r, ['Hidden = 1', 'LikeCount > 10', 'Username = \'ana\'', 'Id IS NULL'])}` : '';
    const select = r() < 0.7 ? `m.Id, c.Id${account ? ', a.Username' : ''}` : `COUNT(*), COUNT(c.Id), SUM(c.LikeCount)`;
    const [first, second] = r() < 0.5 ? ['Media m', 'Comments c'] : ['Comments c', 'Media m'];
    out['generated joins']!.push({ sql: `SELECT ${select} FROM ${first} ${type} ${second} ON c.MediaId = m.Id${extra}${account}${where}${commentWhere}` });
  }

  for (let i = 0; i < 40; i++) {
    const keys = [pick(r, ['LikeCount', 'CommentsCount', 'Caption', 'Timestamp', 'MediaType', 'MediaProductType'])];
    if (r() < 0.4) keys.push(pick(r, ['LikeCount', 'Timestamp', 'MediaProductType']));
    const order = keys.map((k) => `${k}${r() < 0.5 ? ' DESC' : ''}${r() < 0.3 ? pick(r, [' NULLS FIRST', ' NULLS LAST']) : ''}`).join(', ');
    const where = r() < 0.5 ? ` WHERE ${whereTree(r, 1, atom())}` : '';
    const limit = r() < 0.8 ? ` LIMIT ${int(r, 0, 40)}${r() < 0.5 ? ` OFFSET ${int(r, 0, 30)}` : ''}` : '';
    out['generated order/limit']!.push({ sql: `SELECT Id, ${keys.join(', ')} FROM Media${where} ORDER BY ${order}, Id${limit}`, ordered: true });
  }

  for (let i = 0; i < 40; i++) {
    const exprs = [scalar(r, 2), text(r, 2), r() < 0.5 ? scalar(r, 3) : text(r, 1)];
    out['generated expressions']!.push({ sql: `SELECT Id, ${exprs.join(', ')} FROM Media WHERE ${whereTree(r, 1, atom())}` });
  }

  for (let i = 0; i < 30; i++) {
    const inner = `SELECT ${pick(r, ['MediaId', 'MediaId', 'ParentId'])} FROM Comments WHERE ${pick(r, ['Hidden = 1', 'LikeCount > 10', "Username = 'ana'", 'ParentId IS NOT NULL', "Text LIKE '%e%'"])}`;
    const form = int(r, 0, 3);
    const sql =
      form === 0 ? `SELECT Id FROM Media WHERE Id ${r() < 0.3 ? 'NOT ' : ''}IN (${inner})`
      : form === 1 ? `SELECT Id FROM Media WHERE ${r() < 0.5 ? 'NOT ' : ''}EXISTS (${inner}) AND ${mediaAtom(r, ids, accounts)}`
      : form === 2 ? `SELECT Id FROM Media WHERE LikeCount ${pick(r, ['>', '<'])} (SELECT AVG(LikeCount) FROM Comments WHERE ${pick(r, ['Hidden = 0', 'LikeCount > 3'])}) * ${int(r, 1, 20)}`
      : `SELECT t.k, COUNT(*) FROM (SELECT ${pick(r, ['MediaType', 'AccountId'])} AS k, LikeCount FROM Media WHERE ${whereTree(r, 1, atom())}) AS t GROUP BY t.k`;
    out['generated subqueries']!.push({ sql });
  }
  return out;
}
