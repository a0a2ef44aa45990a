import { startSandbox } from '../src/sandbox/index.js';
const which = process.argv[2] ?? 'w4';
const sizes: Record<string, any> = { w4: { media: 2000, comments: 40000 }, w7: { media: 10000, comments: 1000000 }, w3: { media: 2000, comments: 40000 } };
const sb = await startSandbox(sizes[which]);
const account = sb.core.data.world.igAccounts[0]!.id;
const tok = sb.tokens.longLivedUser;
const base = sb.url.replace(/\/$/, '');
async function get(path: string) {
  const t = performance.now();
  const r = await fetch(`${base}/v25.0/${path}${path.includes('?') ? '&' : '?'}access_token=${tok}`);
  const text = await r.text();
  return { ms: performance.now() - t, bytes: text.length, json: JSON.parse(text) };
}
let url = which === 'w3' ? `${account}/media?fields=id,media_type&limit=100` : `${account}/media?fields=${encodeURIComponent(which === 'w7' ? 'id,comments.limit(50){id,text,timestamp,username,like_count,hidden,parent_id,user,from}' : 'id,comments.limit(50){id}')}&limit=100`;
for (let i = 0; i < 6; i++) {
  const r = await get(url);
  let extra = '';
  if (which === 'w3') {
    const ids = r.json.data.slice(0, 50).map((m: any) => m.id).join(',');
    const q = await get(`?ids=${ids}&fields=${encodeURIComponent('id,media_type,insights.metric(reach,views,likes,saved,shares)')}`);
    extra = ` ids50: ${q.ms.toFixed(1)} ms ${q.bytes} B`;
  }
  console.log(`page ${i}: ${r.ms.toFixed(1)} ms ${r.bytes} B${extra}`);
  const next = r.json.paging?.next; if (!next) break;
  url = next.replace(/^.*\/v25\.0\//, '').replace(/([?&])access_token=[^&]*&?/, '$1');
}
await sb.stop();
