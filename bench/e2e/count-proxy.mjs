// bench/e2e --count-statements: a TCP proxy between the server and MariaDB that counts the
// command packets (sequence id 0) the server sends, by their first SQL word, and keeps their text.
import net from 'node:net';
import { MYSQL } from './lib.mjs';

// n: command packets (round trips); statements: the statements in them (a packet may carry several,
// joined by ';\n': the server's statement batches); byCmd: statements by their first SQL word
export const counter = {
  n: 0,
  statements: 0,
  byCmd: new Map(),
  texts: [],
  reset() {
    this.n = 0;
    this.statements = 0;
    this.byCmd.clear();
    this.texts = [];
  },
};

/** Starts the proxy on a free local port; resolves to the port. */
export async function startCountingProxy() {
  const proxy = net.createServer((down) => {
    const up = net.connect(MYSQL.port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    down.on('data', (chunk) => {
      // client → server: count command packets (sequence id 0), by their first SQL word
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4) {
        const len = buf.readUIntLE(0, 3);
        if (buf.length < 4 + len) break;
        if (buf[3] === 0 && len > 0) {
          const cmd = buf[4];
          counter.n++;
          if (cmd === 3 || cmd === 0x16) {
            const text = buf.subarray(5, 4 + len).toString();
            counter.texts.push(text.slice(0, Number(process.env.BENCH_TEXT_CHARS ?? 160)).replace(/\s+/g, ' '));
            for (const one of text.split(';\n')) {
              const word = one.trim().split(/\s+/)[0].toUpperCase();
              counter.statements++;
              counter.byCmd.set(word, (counter.byCmd.get(word) ?? 0) + 1);
            }
          } else {
            counter.statements++;
            counter.byCmd.set(`cmd${cmd}`, (counter.byCmd.get(`cmd${cmd}`) ?? 0) + 1);
          }
        }
        buf = buf.subarray(4 + len);
      }
      up.write(chunk);
    });
    up.on('data', (c) => down.write(c));
    const close = () => {
      down.destroy();
      up.destroy();
    };
    down.on('error', close);
    up.on('error', close);
    down.on('close', close);
    up.on('close', close);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  proxy.unref();
  return proxy.address().port;
}
