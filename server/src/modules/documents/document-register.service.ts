import { Injectable } from '@nestjs/common';
import {
  type RegisterList,
  type RegisterQuery,
  type RegisterRow,
  SECRET_LEVEL_NAMES,
  type SessionUser,
  URGENCY_NAMES,
} from '@liuzhuan/contracts';
import { processVariables, readState } from '@liuzhuan/engine';
import { OrgRepository } from '../org/org.api';
import { InstanceRepository } from '../runtime/runtime.api';
import { DocumentAccess } from './document-access';
import { DocumentRepository } from './document.repository';
import { handlingOf } from './document-handling';
import { beijingMinute } from './documents.service';

/** The most lines one register holds (an office registers a few thousand documents a year). */
const MAX_ROWS = 5000;
const PAGE = 100;
const SECRET: Record<string, string> = SECRET_LEVEL_NAMES;
const URGENCY: Record<string, string> = URGENCY_NAMES;
const STATUS: Record<string, string> = { active: '办理中', completed: '已办结', terminated: '已终止' };

/**
 * 收文登记簿: the incoming documents the caller may read (the documents list's rule), one line
 * each in the register's columns, by 签收 time; as JSON for the page and as an XLSX workbook.
 */
@Injectable()
export class DocumentRegisterService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly instances: InstanceRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async list(query: RegisterQuery, user: SessionUser): Promise<RegisterList> {
    const viewer = await this.access.viewer(user);
    const docs = [];
    for (let page = 1; docs.length < MAX_ROWS; page++) {
      const { items } = await this.documents.search({ box: 'all', direction: 'incoming', page, pageSize: PAGE }, viewer);
      docs.push(...items);
      if (items.length < PAGE) break;
    }
    const [registrations, orgs] = await Promise.all([this.documents.registrations(docs.map((d) => d.id)), this.orgs.list()]);
    const rows: RegisterRow[] = [];
    for (const d of docs) {
      const r = registrations.get(d.id);
      if (!r) continue;
      const day = beijingMinute(r.signedForAt).slice(0, 10);
      if ((query.from && day < query.from) || (query.to && day > query.to)) continue;
      const instance = d.instanceId ? await this.instances.findById(d.instanceId) : null;
      const variables = instance ? processVariables(readState(instance.state)) : {};
      const registered = { leadDept: r.leadDept, assistDepts: JSON.parse(r.assistDepts) as string[] };
      rows.push({
        id: d.id,
        regNo: r.regNo,
        signedForAt: r.signedForAt.toISOString(),
        sourceOrg: r.sourceOrg,
        sourceDocNumber: r.sourceDocNumber,
        title: d.title,
        secretLevel: d.secretLevel,
        urgency: d.urgency,
        dueAt: r.dueAt ? r.dueAt.toISOString() : null,
        leadDept: handlingOf(variables, registered, [], orgs, d.createdOrgId).leadDept?.name ?? null,
        status: instance?.status ?? 'active',
      });
    }
    return { items: rows.sort((a, b) => (a.signedForAt < b.signedForAt ? -1 : a.signedForAt > b.signedForAt ? 1 : 0)) };
  }

  /** The register as an XLSX workbook (one sheet, 收文登记簿); exceljs is loaded on the first export only. */
  async xlsx(query: RegisterQuery, user: SessionUser): Promise<Buffer> {
    const { items } = await this.list(query, user);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('收文登记簿');
    sheet.columns = [
      { header: '收文号', key: 'regNo', width: 16 },
      { header: '签收时间', key: 'signedForAt', width: 18 },
      { header: '来文机关', key: 'sourceOrg', width: 24 },
      { header: '文号', key: 'sourceDocNumber', width: 20 },
      { header: '标题', key: 'title', width: 48 },
      { header: '密级', key: 'secretLevel', width: 8 },
      { header: '紧急程度', key: 'urgency', width: 10 },
      { header: '办理期限', key: 'dueAt', width: 18 },
      { header: '主办', key: 'leadDept', width: 24 },
      { header: '状态', key: 'status', width: 10 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of items)
      sheet.addRow({
        ...r,
        signedForAt: beijingMinute(new Date(r.signedForAt)),
        sourceDocNumber: r.sourceDocNumber ?? '',
        secretLevel: SECRET[r.secretLevel] ?? r.secretLevel,
        urgency: URGENCY[r.urgency] ?? r.urgency,
        dueAt: r.dueAt ? beijingMinute(new Date(r.dueAt)) : '',
        leadDept: r.leadDept ?? '',
        status: STATUS[r.status] ?? r.status,
      });
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
