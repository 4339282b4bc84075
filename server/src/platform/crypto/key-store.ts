import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { hmacSm3, sm4Open, sm4Seal } from './sm4';

/** One configured key and what is derived from it (each purpose its own key, never the master itself). */
interface DataKey {
  id: string;
  master: Buffer;
  enc: Buffer;
  mac: Buffer;
  index: Buffer;
}

const KEY_LINE = /^([a-z0-9]{1,16}):([0-9a-fA-F]{32})$/;

function derive(id: string, hex: string): DataKey {
  const master = Buffer.from(hex, 'hex');
  return {
    id,
    master,
    enc: hmacSm3(master, 'liuzhuan/sm4-enc').subarray(0, 16),
    mac: hmacSm3(master, 'liuzhuan/sm4-mac'),
    index: hmacSm3(master, 'liuzhuan/blind-index'),
  };
}

function parseKey(line: string, source: string): DataKey {
  const m = KEY_LINE.exec(line.trim());
  if (!m) throw new Error(`${source}: a data key must be <key id>:<32 hex digits>, e.g. k1:$(openssl rand -hex 16)`);
  return derive(m[1], m[2]);
}

/**
 * The keys personal data (and later signing material) is protected with, from configuration.
 * Cipher text carries the id of its key (`k1:<base64 of iv|ct|tag>`), so keys rotate: new text is
 * sealed under the current key, old text is opened with the key its id names (kept in
 * LIUZHUAN_DATA_OLD_KEYS) and re-sealed under the current one when next written.
 *
 * Equality look-ups never see clear text: {@link blindIndex} is a keyed HMAC-SM3 of the value.
 */
export class KeyStore {
  private readonly byId: Map<string, DataKey>;

  constructor(private readonly keys: readonly DataKey[]) {
    if (!keys.length) throw new Error('KeyStore needs at least one key');
    this.byId = new Map();
    for (const k of keys) {
      const seen = this.byId.get(k.id);
      if (seen && !seen.master.equals(k.master)) throw new Error(`data key id ${k.id} is configured twice with different keys`);
      this.byId.set(k.id, k);
    }
  }

  /** The key ids and hex keys, current first (tests and the key file). */
  static fromSpecs(current: string, old: readonly string[] = []): KeyStore {
    return new KeyStore([parseKey(current, 'key'), ...old.map((o) => parseKey(o, 'old key'))]);
  }

  /**
   * Loads the configured keys. Embedded mode without a key: the key file under the data dir,
   * created with a random key (0600) at first start. A missing or malformed key stops the start.
   */
  static load(config: Pick<AppConfig, 'dataKeys' | 'database'>): KeyStore {
    const { current, file, old } = config.dataKeys;
    const keys: DataKey[] = [];
    if (current) keys.push(parseKey(current, 'LIUZHUAN_DATA_KEY'));
    if (file && !current) {
      if (!existsSync(file)) {
        if (config.database.kind !== 'sqlite') throw new Error(`LIUZHUAN_DATA_KEY_FILE=${file}: no such file`);
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(file, `k1:${randomBytes(16).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        chmodSync(file, 0o600);
        Logger.log(`created the data key ${file} (back it up apart from the database)`, 'KeyStore');
      } else if ((statSync(file).mode & 0o077) !== 0) {
        Logger.warn(`the data key file ${file} is readable by others than its owner: chmod 600 it`, 'KeyStore');
      }
      const lines = readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      if (!lines.length) throw new Error(`LIUZHUAN_DATA_KEY_FILE=${file}: the file holds no key`);
      lines.forEach((l, i) => keys.push(parseKey(l, `${file} line ${i + 1}`)));
    }
    if (!keys.length) throw new Error('no data key: set LIUZHUAN_DATA_KEY or LIUZHUAN_DATA_KEY_FILE');
    old.forEach((o) => keys.push(parseKey(o, 'LIUZHUAN_DATA_OLD_KEYS')));
    return new KeyStore(keys);
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  /** `context` names what the text is (e.g. `letter.phone`): text sealed for one field does not open as another. */
  encrypt(plain: string, context: string): string {
    const key = this.keys[0];
    return `${key.id}:${sm4Seal(key, Buffer.from(plain, 'utf8'), context).toString('base64')}`;
  }

  decrypt(stored: string, context: string): string {
    const colon = stored.indexOf(':');
    const key = colon > 0 ? this.byId.get(stored.slice(0, colon)) : undefined;
    if (!key) throw new Error(`no data key with the id of this cipher text (${stored.slice(0, Math.max(colon, 0))})`);
    return sm4Open(key, Buffer.from(stored.slice(colon + 1), 'base64'), context).toString('utf8');
  }

  /** Whether the text is sealed under an older key (re-seal it when you write it next). */
  isStale(stored: string): boolean {
    return !stored.startsWith(`${this.currentKeyId}:`);
  }

  /** A blind index of the value under the current key (64 hex digits); `domain` keeps columns apart. */
  blindIndex(domain: string, value: string): string {
    return hmacSm3(this.keys[0].index, domain, '\0', value).toString('hex');
  }

  /** The value's blind index under every configured key: look-ups match rows written before a rotation. */
  blindIndexes(domain: string, value: string): string[] {
    return [...new Set(this.keys.map((k) => hmacSm3(k.index, domain, '\0', value).toString('hex')))];
  }

  /** Key material for another purpose (e.g. document signing), derived from the current key. */
  derivedKey(purpose: string): { keyId: string; key: Buffer } {
    const key = this.keys[0];
    return { keyId: key.id, key: hmacSm3(key.master, `liuzhuan/derived/${purpose}`) };
  }
}
