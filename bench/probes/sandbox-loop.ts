// In-process (no HTTP) loop over one request shape, for CPU profiles of the sandbox alone.
// node --cpu-prof --import tsx bench/probes/sandbox-loop.ts w7|wc|w4|w3|b3 [src|dist]
const from = process.argv[3] === 'dist' ? '../../dist/sandbox/index.js' : '../../src/sandbox/index.js';
const { startSandbox } = await import(from);
const { encodeCursor } = await import(from.replace('index.js', 'paging/cursor.js'));
const which = process.argv[2] ?? 'w7';
const sb = await startSandbox(which === 'w7' || which === 'wc' ? { media: 10000, comments: 1000000 } : { media: 2000, comments: 40000 });
const account = sb.core.data.world.igAccounts[0]!.id;
const headers = { authorization: `OAuth ${sb.tokens.longLivedUser}` };
const enc = encodeURIComponent;
const fields = which === 'w7' ? 'id,comments.limit(50){id,text,timestamp,username,like_count,hidden,parent_id,user,from}' : 'id,comments.limit(50){id}';
const ins = enc('id,media_type,insights.metric(reach,views,likes,saved,shares)');
const ids: string[] = [];
for (let a = 0; a < 2000; a++) ids.push(sb.core.data.world.ids.encode('media', a));
// media with more than 100 top-level comments (wc: their second pages)
const accountRecord = sb.core.data.world.igAccounts[0]!;
const busy: string[] = [];
for (let i = 0; busy.length < 500 && i < 10000; i++) if (sb.core.data.commentGenerator.plan(accountRecord, i).topLevel > 100) busy.push(sb.core.data.world.ids.encode('media', i));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let n = 0;
while (performance.now() - t0 < 8000) {
  for (let p = 0; p < 10; p++) {
    if (which === 'w3') await sb.core.dispatch({ method: 'GET', url: `/v25.0/?ids=${ids.slice(p * 50, p * 50 + 50).join(',')}&fields=${ins}`, headers });
    else if (which === 'wc') {
      // W7's continuations: a batch of 50 media's second page of comments
      const batch = JSON.stringify(busy.slice(p * 50, p * 50 + 50).map((id) => ({ method: 'GET', relative_url: `${id}/comments?fields=${enc(fields.slice(fields.indexOf('{') + 1, -1))}&limit=50&after=${encodeCursor(49)}` })));
      await sb.core.dispatch({ method: 'POST', url: '/v25.0/', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ batch, include_headers: 'false' }).toString() });
    } else if (which === 'b3') {
      const batch = JSON.stringify(Array.from({ length: 40 }, (_, k) => ({ method: 'GET', relative_url: `?ids=${ids.slice(k * 50, k * 50 + 50).join(',')}&fields=${ins}` })));
      await sb.core.dispatch({ method: 'POST', url: '/v25.0/', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ batch, include_headers: 'false' }).toString() });
    } else {
      const after = p === 0 ? "" : `&after=${encodeCursor(p * 100 - 1)}`;
      await sb.core.dispatch({ method: 'GET', url: `/v25.0/${account}/media?fields=${enc(fields)}&limit=100${after}`, headers });
    }
    n++;
  }
}
const last = sb.requests.at(-1);
const cpu = process.cpuUsage(cpu0);
console.log(which, n, 'requests', ((performance.now() - t0) / n).toFixed(2), 'ms each,', ((cpu.user + cpu.system) / 1000 / n).toFixed(2), 'ms CPU each; last status', last.status);
await sb.stop();
