// The Node.js flags every server process (API, worker, CLI) runs with: `npm start`, `npm run worker`,
// the bench and the containers (docker/server.Dockerfile, docker/compose.yml spell the same flags).
//
// V8 sizes its old generation from the machine's memory (about 4 GB on a 24 GB server) and lets
// garbage pile up until then: under 200 busy clients the API grew past 500 MB of RSS while its
// live objects stayed under 100 MB (bench/RESULTS.md). A 256 MB old generation and 4 MB
// semi-spaces (the young generation; V8's default is 16) kept it at 284 MB in the same run, for
// about 3 % more CPU per request. LIUZHUAN_HEAP_MB raises the cap for a server that needs more.
const heapMb = Number(process.env.LIUZHUAN_HEAP_MB ?? 256);
if (!Number.isInteger(heapMb) || heapMb < 128 || heapMb > 16384) {
  console.error(`LIUZHUAN_HEAP_MB must be a whole number of megabytes, 128–16384 (got ${process.env.LIUZHUAN_HEAP_MB})`);
  process.exit(2);
}

export const SERVER_NODE_FLAGS = ['--enable-source-maps', `--max-old-space-size=${heapMb}`, '--max-semi-space-size=4'];
