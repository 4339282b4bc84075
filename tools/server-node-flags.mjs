// The Node.js flags every server process (API, worker, CLI) runs with: `npm start`, `npm run worker`,
// the bench and the containers (docker/server.Dockerfile, docker/compose.yml spell the same flags).
//
// V8 sizes its old generation from the machine's memory (about 4 GB on a 24 GB server) and lets
// garbage pile up until then: under 200 busy clients the API grew past 500 MB of RSS while its
// live objects stayed under 100 MB (bench/RESULTS.md). A 256 MB old generation keeps it under
// 300 MB. The young generation keeps V8's 16 MB semi-spaces: with 200 requests in flight, 4 MB
// ones promoted half-finished requests to the old generation and cost the server about an eighth
// of its throughput (bench/RESULTS.md, session 5). Source maps for stack traces are off: loading
// them (ours and every dependency's) held about 10 MB; LIUZHUAN_SOURCE_MAPS=true turns them on
// for a server being debugged. LIUZHUAN_HEAP_MB raises the cap for a server that needs more.
const heapMb = Number(process.env.LIUZHUAN_HEAP_MB ?? 256);
if (!Number.isInteger(heapMb) || heapMb < 128 || heapMb > 16384) {
  console.error(`LIUZHUAN_HEAP_MB must be a whole number of megabytes, 128–16384 (got ${process.env.LIUZHUAN_HEAP_MB})`);
  process.exit(2);
}
const sourceMaps = process.env.LIUZHUAN_SOURCE_MAPS === 'true' ? ['--enable-source-maps'] : [];

export const SERVER_NODE_FLAGS = [...sourceMaps, `--max-old-space-size=${heapMb}`, '--max-semi-space-size=16'];
