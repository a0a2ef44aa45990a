// Best-of-N timings of the sandbox's answers for the benchmark's request shapes.
// npx tsx bench/probes/sandbox-timings.ts [src|dist]   (dist: run `npm run build` first)
const from = process.argv[2] === 'dist' ? '../../dist/sandbox/index.js' : '../../src/sandbox/index.js';
const { startSandbox } = await import(from);
const CF = 'id,text,timestamp,username,like_count,hidden,parent_id,user,from';
const W7F = `id,comments.limit(50){${CF}}`;
const INS = 'id,media_type,insights.metric(reach,views,likes,saved,shares)';
const enc = encodeURIComponent;

async function run(sizes: Record<string, number>, shapes: (ctx: any) => Promise<void>) {
  const sb = await startSandbox(sizes);
  const account = sb.core.data.world.igAccounts[0]!.id;
  const tok = sb.tokens.longLivedUser;
  const base = `${sb.url}/v25.0/`;
  const get = async (path: string) => {
    const t = performance.now();
    const r = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}access_token=${tok}`);
    const text = await r.text();
    return { ms: performance.now() - t, server: sb.requests.at(-1).durationMs, bytes: text.length, json: JSON.parse(text) };
  };
  const post = async (form: Record<string, string>) => {
    const t = performance.now();
    const r = await fetch(base, { method: 'POST', body: new URLSearchParams({ ...form, access_token: tok }) });
    const text = await r.text();
    return { ms: performance.now() - t, server: sb.requests.at(-1).durationMs, bytes: text.length, json: JSON.parse(text) };
  };
  await shapes({ sb, account, get, post });
  await sb.stop();
}

async function pages(get: any, first: string, n: number) {
  const times: any[] = []; let bytes = 0; let url: string | undefined = first; const out: any[] = [];
  for (let i = 0; i < n && url; i++) {
    const r: any = await get(url); times.push(r); bytes = r.bytes; out.push(r.json);
    url = r.json.paging?.next?.replace(/^.*\/v25\.0\//, '').replace(/([?&])access_token=[^&]*&?/, '$1');
  }
  return { times, bytes, out };
}
const best = (t: number[]) => Math.min(...t).toFixed(1);
const med = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)]!.toFixed(1);
const line = (name: string, rs: any[], bytes: number) => {
  const t = rs.map((r) => r.ms); const s = rs.map((r) => r.server);
  console.log(`${name.padEnd(28)} round trip best ${best(t).padStart(6)} median ${med(t).padStart(6)} ms | dispatch best ${best(s).padStart(6)} median ${med(s).padStart(6)} ms (${t.length} runs, ${bytes} B)`);
};

await run({ media: 10000, comments: 1000000 }, async ({ account, get, post }) => {
  const p = await pages(get, `${account}/media?fields=${enc(W7F)}&limit=100`, 12);
  line('w7 media page (comments)', p.times.slice(2), p.bytes);
  // continuation: media whose comments have more than 50
  const ops: any[] = [];
  for (const m of p.out.flatMap((x) => x.data)) {
    const after = m.comments?.paging?.cursors?.after;
    if (m.comments?.paging?.next && ops.length < 50) ops.push({ method: 'GET', relative_url: `${m.id}/comments?fields=${enc(CF)}&limit=50&after=${after}` });
  }
  const bt: any[] = []; let bb = 0;
  for (let i = 0; i < 6; i++) { const r = await post({ batch: JSON.stringify(ops), include_headers: 'false' }); bt.push(r); bb = r.bytes; }
  line(`w7 batch ${ops.length} comment pages`, bt, bb);
});
await run({ media: 2000, comments: 40000 }, async ({ account, get, post }) => {
  const p = await pages(get, `${account}/media?fields=${enc('id,comments.limit(50){id}')}&limit=100`, 12);
  line('w4 media page (comment ids)', p.times.slice(2), p.bytes);
  const m = await pages(get, `${account}/media?fields=id,media_type&limit=100`, 20);
  const ids = m.out.flatMap((x) => x.data.map((d: any) => d.id));
  const it: any[] = []; let ib = 0;
  for (let k = 0; k < 20; k++) { const r = await get(`?ids=${ids.slice(k * 50, k * 50 + 50).join(',')}&fields=${enc(INS)}`); it.push(r); ib = r.bytes; }
  line('w3 ids=50 insights', it, ib);
  const ops = [];
  for (let k = 0; k < 40; k++) ops.push({ method: 'GET', relative_url: `?ids=${ids.slice(k * 50, k * 50 + 50).join(',')}&fields=${enc(INS)}` });
  const bt: any[] = []; let bb = 0;
  for (let i = 0; i < 5; i++) { const r = await post({ batch: JSON.stringify(ops), include_headers: 'false' }); bt.push(r); bb = r.bytes; }
  line('w3 batch 40 x ids=50', bt, bb);
});
