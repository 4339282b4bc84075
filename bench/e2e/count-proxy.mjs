// bench/e2e --count-statements: a TCP proxy between the server and MariaDB that counts the
// command packets (sequence id 0) the server sends, by their first SQL word, and keeps their text.
import net from 'node:net';
import { MYSQL } from './lib.mjs';

export const counter = { n: 0, byCmd: new Map(), texts: [], reset() { this.n = 0; this.byCmd.clear(); this.texts = []; } };

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
          const word = cmd === 3 || cmd === 0x16 ? buf.subarray(5, Math.min(4 + len, 40)).toString().trim().split(/\s+/)[0].toUpperCase() : `cmd${cmd}`;
          if (cmd === 3 || cmd === 0x16) counter.texts.push(buf.subarray(5, Math.min(4 + len, 5 + 160)).toString().replace(/\s+/g, ' '));
          counter.n++; counter.byCmd.set(word, (counter.byCmd.get(word) ?? 0) + 1);
        }
        buf = buf.subarray(4 + len);
      }
      up.write(chunk);
    });
    up.on('data', (c) => down.write(c));
    const close = () => { down.destroy(); up.destroy(); };
    down.on('error', close); up.on('error', close); down.on('close', close); up.on('close', close);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  proxy.unref();
  return proxy.address().port;
}
