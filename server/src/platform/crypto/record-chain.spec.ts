import { ChainWalk, CHAIN_GENESIS, chainLink, storable } from './record-chain';
import { sm3Hex } from './sm3';

/** A chain of n rows: [seq, hash, canonical]. */
function chain(n: number, from = 1, previous: string | null = null) {
  const rows: { seq: number; hash: string; body: unknown[] }[] = [];
  for (let seq = from; seq < from + n; seq++) {
    const body = ['i', seq, `row ${seq}`];
    const hash = chainLink(previous, body);
    rows.push({ seq, hash, body });
    previous = hash;
  }
  return rows;
}
const walk = (rows: { seq: number | null; hash: string | null; body: unknown[] }[], headSeq: number, headHash: string | null) => {
  const w = new ChainWalk();
  for (const r of rows) if (!w.step(r.seq, r.hash, () => r.body)) break;
  w.end(headSeq, headHash);
  return { broken: w.broken, checked: w.checked, legacy: w.legacy };
};

describe('record chain', () => {
  it('should hash SM3 over the previous hash and the canonical JSON, starting from 64 zeros', () => {
    expect(chainLink(null, ['a', 1])).toBe(sm3Hex(CHAIN_GENESIS + '["a",1]'));
    expect(chainLink('ab', ['a', 1])).toBe(sm3Hex('ab["a",1]'));
  });

  it('should verify an intact chain against its head', () => {
    const rows = chain(5);
    expect(walk(rows, 5, rows[4].hash)).toEqual({ broken: null, checked: 5, legacy: 0 });
  });

  it('should name an edited row, a removed row and a removed last row', () => {
    const rows = chain(5);
    const edited = rows.map((r) => (r.seq === 3 ? { ...r, body: ['i', 3, 'forged'] } : r));
    expect(walk(edited, 5, rows[4].hash).broken).toEqual({ seq: 3 });
    expect(
      walk(
        rows.filter((r) => r.seq !== 2),
        5,
        rows[4].hash,
      ).broken,
    ).toEqual({ seq: 2 });
    expect(walk(rows.slice(0, 4), 5, rows[4].hash).broken).toEqual({ seq: 5 });
    expect(walk(rows.slice(1), 5, rows[4].hash).broken).toEqual({ seq: 1 });
  });

  it('should count rows without a hash before the chain as legacy, and refuse one inside it', () => {
    const legacy = [1, 2].map((seq) => ({ seq, hash: null, body: ['old', seq] }));
    const rows = chain(2, 3);
    expect(walk([...legacy, ...rows], 4, rows[1].hash)).toEqual({ broken: null, checked: 2, legacy: 2 });
    expect(walk([...legacy, rows[0], { ...rows[1], hash: null }], 4, rows[1].hash).broken).toEqual({ seq: 4 });
  });

  it('should store strings as UTF-8 gives them back', () => {
    expect(storable('a\uD800b')).toBe('a\uFFFDb');
    expect(storable('意见😀')).toBe('意见😀');
  });
});
