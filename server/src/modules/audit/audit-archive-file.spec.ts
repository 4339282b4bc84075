import { archiveFile, archiveRows } from './audit-archive-file';
import { ChainCheck } from './audit-chain-check';
import { type AuditRow, chainHash, GENESIS_HASH, rowOf } from './audit-event';

/** A chain of `n` events from seq `from`, chained from `previous`. */
function chain(n: number, from = 1, previous = GENESIS_HASH): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let i = 0; i < n; i++) {
    const row = {
      ...rowOf(
        `01j00000000000000000000${String(i).padStart(3, '0')}`,
        1_700_000_000_000 + i,
        { actor: '张三', roles: ['clerk'], ip: null, userAgent: null },
        { type: 'user.update', details: { note: '备注\n"引号"' } },
      ),
      seq: from + i,
    };
    previous = chainHash(previous, row);
    rows.push({ ...row, hash: previous });
  }
  return rows;
}

const HEADER = {
  anchorId: '01j0000000000000000000anch',
  fromSeq: 1,
  toSeq: 3,
  count: 3,
  previousHash: GENESIS_HASH,
  archivedBefore: '2026-01-01T00:00:00.000Z',
  createdAt: '2026-07-01T00:00:00.000Z',
  createdBy: 'auditor',
};

describe('audit archive files and chain checks', () => {
  it('should give back every row exactly as written, so the file verifies on its own', () => {
    // given
    const rows = chain(3);
    // when
    const back = archiveRows(archiveFile(HEADER, rows));
    // then
    expect(back).toEqual(rows);
    const check = new ChainCheck(1, GENESIS_HASH);
    expect(back.every((r) => r !== null && check.add(r))).toBe(true);
    expect(check.end(3, rows[2].hash)).toEqual({ ok: true, checked: 3 });
  });

  it('should name a line that is no longer a row, and rows missing at the end', () => {
    // given
    const rows = chain(3);
    const text = archiveFile(HEADER, rows).toString('utf8').split('\n');
    text[2] = '{not json';
    // when
    const back = archiveRows(Buffer.from(text.join('\n')));
    // then
    expect(back[1]).toBeNull();
    const short = new ChainCheck(1, GENESIS_HASH);
    short.add(rows[0]);
    expect(short.end(3, rows[2].hash)).toEqual({ ok: false, checked: 1, firstBrokenSeq: 2 });
  });

  it('should start from an anchor: the first row must follow it and chain from its hash', () => {
    // given a stretch that chains from an anchor at seq 10
    const anchorHash = 'ab'.repeat(32);
    const rows = chain(2, 11, anchorHash);
    // when checked from the genesis instead, or from the wrong place
    const wrongHash = new ChainCheck(11, GENESIS_HASH);
    wrongHash.add(rows[0]);
    const wrongPlace = new ChainCheck(10, anchorHash);
    wrongPlace.add(rows[0]);
    const right = new ChainCheck(11, anchorHash);
    rows.forEach((r) => right.add(r));
    // then
    expect(wrongHash.end(12, rows[1].hash)).toEqual({ ok: false, checked: 0, firstBrokenSeq: 11, firstBrokenId: rows[0].id });
    expect(wrongPlace.end(12, rows[1].hash)).toMatchObject({ ok: false, firstBrokenSeq: 10 });
    expect(right.end(12, rows[1].hash)).toEqual({ ok: true, checked: 2 });
    // and a head that no longer names the last row breaks it there
    expect(right.end(12, GENESIS_HASH)).toEqual({ ok: false, checked: 2, firstBrokenSeq: 12 });
  });
});
