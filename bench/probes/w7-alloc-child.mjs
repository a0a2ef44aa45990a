// Child for w7.mjs-like runs: where W7's allocations come from (garbage included), by function.
//   node bench/probes/w7.mjs 1000000 10000 0 1 -- bench/probes/w7-alloc-child.mjs   (see w7.mjs CHILD)
import { Session } from 'node:inspector/promises';
const { connect } = await import('../../dist/index.js');
const conn = await connect(process.argv[2]);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
let rows = 0;
for await (const row of conn.stream('SELECT * FROM Comments')) { void row; rows++; }
const { profile } = await session.post('HeapProfiler.stopSampling');
await conn.close();
const self = new Map();
let total = 0;
const walk = (node, stack) => {
  const cf = node.callFrame;
  const name = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
  const size = node.selfSize;
  total += size;
  self.set(name, (self.get(name) ?? 0) + size);
  for (const child of node.children) walk(child, stack);
};
walk(profile.head, []);
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.error(`allocated ~${(total / 2 ** 20).toFixed(0)} MB for ${rows} rows (${(total / rows).toFixed(0)} B a row)`);
for (const [k, v] of top) console.error(`${(v / 2 ** 20).toFixed(1).padStart(8)} MB ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
console.log(JSON.stringify({ rows, ms: 0 }));
