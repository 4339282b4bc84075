import { AUDIT_EVENT_TYPES } from '@liuzhuan/contracts';
import type ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import type { AuditRow } from './audit-event';
import type { AuditNamed } from './audit-names';

/** A row as exported: the stored columns and the names the console shows. */
export type NamedAuditRow = AuditRow & AuditNamed;

/**
 * The columns of an export, in order, headed in Chinese for the auditor who opens it in a
 * spreadsheet: the event's fields with the names the console shows beside the actor and target, the type's code beside its label, times as Beijing wall-clock
 * time (the product's time zone, as the console shows them), the result in words.
 */
const HEADERS = [
  '序号',
  '事件ID',
  '时间（北京时间）',
  '操作人',
  '操作人姓名',
  '角色',
  'IP 地址',
  '客户端',
  '事件代码',
  '事件',
  '对象类型',
  '对象ID',
  '对象名称',
  '结果',
  '错误代码',
  '详情',
  '哈希（SM3）',
] as const;

const RESULT_ZH: Record<string, string> = { success: '成功', failure: '失败' };

/** `2026-12-08 06:14:08.123` in Asia/Shanghai (UTC+8, no daylight saving). */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
}

function cellsOf(r: NamedAuditRow): (string | number)[] {
  const label = (AUDIT_EVENT_TYPES as Record<string, string>)[r.eventType] ?? '';
  return [
    r.seq,
    r.id,
    beijingTime(r.at),
    r.actor,
    r.actorName,
    r.roles,
    r.ip ?? '',
    r.userAgent ?? '',
    r.eventType,
    label,
    r.targetType ?? '',
    r.targetId ?? '',
    r.targetName ?? '',
    RESULT_ZH[r.result] ?? r.result,
    r.errorCode ?? '',
    r.details,
    r.hash,
  ];
}

/** A CSV field: quoted when needed; a text that a spreadsheet would run as a formula gets a leading `'`. */
function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (RFC 4180, CRLF), UTF-8 with a BOM so Excel reads the Chinese text, produced as the rows arrive. */
export function csvStream(rows: AsyncIterable<NamedAuditRow>): Readable {
  return Readable.from(
    (async function* () {
      yield '\uFEFF' + HEADERS.join(',') + '\r\n';
      let chunk = '';
      for await (const r of rows) {
        chunk += cellsOf(r).map(csvField).join(',') + '\r\n';
        if (chunk.length > 32_768) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })(),
    { objectMode: false },
  );
}

/**
 * exceljs, loaded by the first XLSX export: it is the largest library the server uses (about 7 MB
 * of heap once loaded) and only the auditor's export needs it, so a server that never exports
 * never holds it.
 */
let excel: Promise<typeof ExcelJS> | null = null;
const loadExcel = (): Promise<typeof ExcelJS> => (excel ??= import('exceljs').then((m) => m.default));

/** An XLSX workbook (one sheet, 审计日志) written with exceljs's streaming writer as the rows arrive. */
export function xlsxStream(rows: AsyncIterable<NamedAuditRow>): Readable {
  const out = new PassThrough();
  void (async () => {
    const { stream } = await loadExcel();
    const book = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = book.addWorksheet('审计日志');
    sheet.addRow([...HEADERS]).commit();
    for await (const r of rows) sheet.addRow(cellsOf(r)).commit();
    sheet.commit();
    await book.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
