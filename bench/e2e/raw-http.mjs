// bench/e2e: a lean HTTP/1.1 client for the measured loop. The load generator shares the machine's
// two cores with the server and MariaDB, so its own CPU per request counts against the server:
// one keep-alive socket per client, requests written as one string, responses cut by
// Content-Length (the server always sends one) and parsed as JSON. Nothing else of HTTP is needed.
import net from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');

export class RawConnection {
  constructor(port, host = '127.0.0.1') {
    this.port = port;
    this.host = host;
    this.socket = null;
    this.buf = Buffer.alloc(0);
    this.pending = null;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port: this.port, host: this.host, noDelay: true }, () => resolve());
      s.once('error', reject);
      s.on('data', (chunk) => this.onData(chunk));
      s.on('error', (e) => this.fail(e));
      s.on('close', () => {
        this.socket = null;
        this.fail(new Error('connection closed'));
      });
      this.socket = s;
    });
  }

  /** One request at a time per connection: `{status, body}` (body parsed as JSON when it is). */
  async request(method, path, token, body) {
    if (!this.socket) await this.connect();
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n`;
    if (token) head += `authorization: Bearer ${token}\r\n`;
    if (body !== undefined) head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(head + '\r\n' + payload);
    });
  }

  onData(chunk) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const end = this.buf.indexOf(HEAD_END);
      if (end < 0) return;
      const head = this.buf.toString('latin1', 0, end);
      const status = Number(head.slice(9, 12));
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!m) {
        this.fail(new Error(`response without content-length: ${head.split('\r\n')[0]}`));
        return;
      }
      const len = Number(m[1]);
      if (this.buf.length < end + 4 + len) return;
      const text = this.buf.toString('utf8', end + 4, end + 4 + len);
      this.buf = this.buf.subarray(end + 4 + len);
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
      const p = this.pending;
      this.pending = null;
      p?.resolve({ status, body: parsed });
    }
  }

  fail(error) {
    const p = this.pending;
    this.pending = null;
    this.buf = Buffer.alloc(0);
    p?.reject(error);
  }

  close() {
    this.socket?.destroy();
  }
}
