/**
 * A broad, deterministic set of requests against seeded sandboxes (media pages with many field sets,
 * nested comments / replies / children / insights, ids=, batch, comment continuation pages, errors),
 * each answered with a hash of its status, headers (minus per-request random ones) and body. The
 * sandbox's speed work must keep every hash: see render-golden.test.ts and render-golden.json.
 */
import { createHash } from 'node:crypto';
import { createManualClock, startSandbox, type Sandbox } from '../../../../src/sandbox/index.js';

const RANDOM_HEADERS = new Set(['x-fb-trace-id', 'x-fb-debug', 'date', 'connection', 'keep-alive']);
const COMMENT_FIELDS = 'id,text,timestamp,username,like_count,hidden,parent_id,user,from';

interface Answer {
  readonly status: number;
  readonly json: any;
  readonly hash: string;
}

class Recorder {
  readonly hashes: Record<string, string> = {};
  readonly #sb: Sandbox;
  readonly #name: string;

  constructor(sb: Sandbox, name: string) {
    this.#sb = sb;
    this.#name = name;
  }

  async send(method: 'GET' | 'POST', path: string, form?: Record<string, string>, token = this.#sb.tokens.longLivedUser): Promise<Answer> {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${this.#sb.url}/v25.0/${path}${form === undefined && token !== '' ? `${sep}access_token=${token}` : ''}`;
    const init: RequestInit = { method };
    if (form !== undefined) init.body = new URLSearchParams({ ...form, access_token: token });
    const response = await fetch(url, init);
    // the origin also appears escaped (`http:\/\/127.0.0.1:…`, as the Graph API writes `/`)
    const text = (await response.text()).replaceAll(this.#sb.url, 'ORIGIN').replaceAll(this.#sb.url.replaceAll('/', '\\/'), 'ORIGIN').replace(/(fbtrace_id\\*":\\*")[A-Za-z0-9_-]+/g, '$1T');
    const headers = [...response.headers.entries()].filter(([n]) => !RANDOM_HEADERS.has(n)).map(([n, v]) => `${n}: ${v}`).join('\n');
    const hash = createHash('sha256').update(`${response.status}\n${headers}\n\n${text}`).digest('hex').slice(0, 16);
    const key = `${this.#name} ${method} ${path.replaceAll(this.#sb.url, 'ORIGIN')}${form === undefined ? '' : ` ${JSON.stringify(form)}`}${token === this.#sb.tokens.longLivedUser ? '' : ` token=${token}`}`;
    this.hashes[key] = hash;
    if (process.env["GOLDEN_DEBUG"] === "1") console.log(response.status, key.slice(0, 150), text.length, response.status === 200 ? "" : text.slice(0, 200));
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, hash };
  }

  /** Follows `paging.next` up to `pages` pages. */
  async pages(path: string, pages: number): Promise<any[]> {
    const out: any[] = [];
    let next: string | undefined = path;
    for (let i = 0; i < pages && next !== undefined; i++) {
      const answer: Answer = await this.send('GET', next);
      out.push(answer.json);
      const link: string | undefined = answer.json?.paging?.next;
      next = link?.replace(/^.*\/v25\.0\//, '').replace(/([?&])access_token=[^&]*&?/, '$1');
    }
    return out;
  }
}

const enc = encodeURIComponent;

async function exercise(r: Recorder, sb: Sandbox): Promise<void> {
  const account = sb.core.data.world.igAccounts[0]!.id;
  await r.send('GET', 'me?fields=id,name');
  await r.send('GET', 'me/accounts');
  await r.send('GET', `${account}?fields=id,username,name,media_count,followers_count,follows_count,biography,profile_picture_url`);
  const fieldSets = [
    undefined, 'id,media_type', 'id,caption,media_type,media_product_type,media_url,permalink,thumbnail_url,timestamp,username,owner,like_count,comments_count,is_comment_enabled,shortcode,is_shared_to_feed,alt_text,ig_id',
    'id,children{id,media_type,media_url,timestamp}', 'id,comments.limit(50){id}', `id,comments.limit(50){${COMMENT_FIELDS}}`,
    'id,comments.limit(5){id,text,replies{id,text,timestamp,parent_id,from},media,user{id,username}}', 'id,comments.limit(3).as(c){id,like_count.as(likes)}',
    'id,media_type,insights.metric(reach,likes,saved)', 'owner{id,username},reposts_count,saved_count,shares_count,total_like_count,total_views_count,boost_eligibility_info',
  ];
  const mediaIds: string[] = [];
  for (const fields of fieldSets) {
    const pages = await r.pages(`${account}/media?${fields === undefined ? '' : `fields=${enc(fields)}&`}limit=100`, 3);
    if (mediaIds.length === 0) for (const p of pages) for (const m of p?.data ?? []) mediaIds.push(m.id);
  }
  await r.pages(`${account}/media?fields=id&limit=7`, 4);
  await r.send('GET', `${account}/media?fields=${enc('id,comments{id}')}&limit=25&summary=true`);
  // Direct comment edges, continuation pages, replies, single comments.
  const commented: string[] = [];
  for (const id of mediaIds.slice(0, 12)) {
    const pages = await r.pages(`${id}/comments?fields=${enc(COMMENT_FIELDS)}&limit=50`, 4);
    for (const c of pages[0]?.data ?? []) if (commented.length < 30) commented.push(c.id);
    await r.pages(`${id}/comments?limit=3&summary=true`, 2);
  }
  for (const id of commented.slice(0, 15)) {
    await r.send('GET', `${id}?fields=${enc(`${COMMENT_FIELDS},replies{${COMMENT_FIELDS}},media{id,media_type}`)}`);
    await r.pages(`${id}/replies?fields=${enc('id,text,timestamp')}&limit=2`, 3);
    await r.send('GET', id);
  }
  // ids= reads with insights, media type groups, errors.
  for (let i = 0; i < mediaIds.length; i += 50) {
    const ids = mediaIds.slice(i, i + 50).join(',');
    await r.send('GET', `?ids=${ids}&fields=${enc('id,media_type,insights.metric(reach,views,likes,saved,shares)')}`);
    await r.send('GET', `?ids=${ids}&fields=${enc('id,media_type,media_product_type,timestamp,like_count,comments_count')}`);
    await r.send('GET', `insights?ids=${ids}&metric=reach,likes`);
  }
  await r.send('GET', `?ids=${mediaIds.slice(0, 60).join(',')}&fields=id`);
  await r.send('GET', `?ids=${mediaIds.slice(0, 3).join(',')},17900000000000000&fields=id`);
  await r.send('GET', `?ids=${mediaIds.slice(0, 3).join(',')}&fields=${enc('id,insights.metric(reach,bogus)')}`);
  for (const id of mediaIds.slice(0, 8)) {
    await r.send('GET', `${id}/insights?metric=reach,likes,saved,shares,views,total_interactions`);
    await r.send('GET', `${id}?fields=${enc('id,media_type,children{id,media_type,insights.metric(reach)}')}`);
  }
  await r.send('GET', `${account}/insights?metric=reach&period=day`);
  // Batch: ids= reads with insights, comment continuation pages, a failing operation.
  const batch: { method: string; relative_url: string }[] = [];
  for (let i = 0; i < Math.min(mediaIds.length, 200); i += 5) {
    batch.push({ method: 'GET', relative_url: `?ids=${mediaIds.slice(i, i + 5).join(',')}&fields=${enc('id,media_type,insights.metric(reach,views,likes,saved,shares)')}` });
  }
  await r.send('POST', '', { batch: JSON.stringify(batch.slice(0, 40)) });
  const continuation: { method: string; relative_url: string }[] = [];
  for (const id of mediaIds.slice(0, 20)) {
    const first = await r.send('GET', `${id}/comments?fields=${enc(COMMENT_FIELDS)}&limit=2`);
    const after = first.json?.paging?.cursors?.after;
    if (after !== undefined) continuation.push({ method: 'GET', relative_url: `${id}/comments?fields=${enc(COMMENT_FIELDS)}&limit=50&after=${after}` });
  }
  continuation.push({ method: 'GET', relative_url: `${mediaIds[0]}/comments?after=bogus` });
  await r.send('POST', '', { batch: JSON.stringify(continuation), include_headers: 'false' });
  await r.send('POST', '', { batch: JSON.stringify(continuation.slice(0, 3)) });
  // Errors.
  await r.send('GET', `${account}/media?fields=${enc('id,comments{id')}`);
  await r.send('GET', `${account}/media?fields=${enc('id,nosuchfield')}`);
  await r.send('GET', `${account}/media?fields=id&limit=abc`);
  await r.send('GET', `${mediaIds[0]}/comments?after=QVFIUbogus`);
  await r.send('GET', `${account}/media?fields=id`, undefined, 'EAAbogus');
  await r.send('GET', `${account}/media?fields=id`, undefined, '');
  await r.send('GET', `${account}/nosuchedge`);
  await r.send('GET', `${mediaIds[0]}?fields=${enc('id,id')}`);
  // Writes, then the reads they change: hidden, replied to, deleted and new comments.
  const media = mediaIds[0]!;
  const read = async (): Promise<void> => {
    await r.send('GET', `${media}?fields=${enc(`id,comments_count,comments.limit(50){${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}}`)}`);
    await r.send('GET', `${media}/comments?fields=${enc(COMMENT_FIELDS)}&limit=5&summary=true`);
  };
  const [first, second, third] = commented;
  if (first !== undefined) {
    await r.send('POST', first, { hide: 'true' });
    await r.send('GET', `${first}?fields=${enc(COMMENT_FIELDS)}`);
    await read();
    await r.send('POST', `${first}/replies`, { message: 'Thanks!' });
    await r.send('GET', `${first}/replies?fields=${enc(COMMENT_FIELDS)}`);
  }
  if (second !== undefined) {
    await r.send('POST', `${second}/replies`, { message: 'Agreed' });
    await r.send('GET', `${second}?fields=${enc(`${COMMENT_FIELDS},replies{id,text}`)}`);
    await read();
  }
  if (third !== undefined) {
    await r.send('POST', third, { method: 'delete' });
    await r.send('GET', `${third}?fields=id`);
    await read();
  }
  await r.send('POST', `${media}/comments`, { message: 'A new comment' });
  await read();
}

export const GOLDEN_SANDBOXES = [
  { name: 'small-42', options: { seed: 42 } },
  { name: 'custom-7', options: { seed: 7, media: 400, comments: 12_000 } },
  { name: 'large-3', options: { seed: 3, size: 'large' as const } },
];

/** Request key → hash, for every golden sandbox. */
export async function goldenHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { name, options } of GOLDEN_SANDBOXES) {
    const sb = await startSandbox({ ...options, clock: createManualClock('2026-05-20T12:00:00Z') });
    try {
      const r = new Recorder(sb, name);
      await exercise(r, sb);
      Object.assign(out, r.hashes);
    } finally {
      await sb.stop();
    }
  }
  return out;
}
