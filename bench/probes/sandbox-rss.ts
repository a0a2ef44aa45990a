// Peak RSS of a W7-sized sandbox scanning all 10,000 media with 50 comments each (in-process).
// npx tsx bench/probes/sandbox-rss.ts [src|dist]
const from = process.argv[2] === 'dist' ? '../../dist/sandbox/index.js' : '../../src/sandbox/index.js';
const { startSandbox } = await import(from);
const { encodeCursor } = await import(from.replace('index.js', 'paging/cursor.js'));
const sb = await startSandbox({ media: 10000, comments: 1000000 });
const account = sb.core.data.world.igAccounts[0]!.id;
const headers = { authorization: `OAuth ${sb.tokens.longLivedUser}` };
const fields = encodeURIComponent('id,comments.limit(50){id,text,timestamp,username,like_count,hidden,parent_id,user,from}');
let peak = 0;
const t0 = performance.now();
for (let p = 0; p < 100; p++) {
  const after = p === 0 ? '' : `&after=${encodeCursor(p * 100 - 1)}`;
  await sb.core.dispatch({ method: 'GET', url: `/v25.0/${account}/media?fields=${fields}&limit=100${after}`, headers });
  peak = Math.max(peak, process.memoryUsage().rss);
}
(globalThis as any).gc?.();
console.log(`100 pages in ${(performance.now() - t0).toFixed(0)} ms, peak RSS ${(peak / 1048576).toFixed(0)} MB, heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
await sb.stop();
