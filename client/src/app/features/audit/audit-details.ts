import {
  AUDIT_EVENT_TYPES,
  CLEARANCE_NAMES,
  ERROR_MESSAGES_ZH,
  ROLE_LABELS_ZH,
  SECRET_LEVEL_NAMES,
  type AuditEvent,
} from '@liuzhuan/contracts';

/**
 * The audit console in Chinese: the detail keys the producers record (docs/audit.md, "Event
 * types"), the codes they record as values, the target types, the error codes. A key or code
 * not listed shows as itself — the auditor still reads every field.
 */
export const DETAIL_LABELS: Record<string, string> = {
  // 身份鉴别
  reason: '原因',
  failures: '失败次数',
  lockedUntil: '锁定至',
  wasLocked: '原已锁定',
  sessionId: '会话',
  sessionEnded: '已结束会话',
  passwordExpired: '密码已过期',
  lastSeenAt: '最后活动时间',
  expiresAt: '到期时间',
  wasRequired: '系统要求修改',
  stage: '阶段',
  kind: '方式',
  hadFactor: '原已绑定',
  // 用户与机构
  username: '用户名',
  displayName: '姓名',
  orgId: '机构',
  position: '职务',
  before: '变更前',
  after: '变更后',
  added: '增加',
  removed: '移除',
  wasEnabled: '原为启用',
  contact: '联系方式',
  phone: '电话',
  idNumber: '身份证号',
  enabled: '启用',
  id: 'ID',
  parentId: '上级机构',
  code: '代码',
  name: '名称',
  shortName: '简称',
  sortOrder: '排序',
  roles: '角色',
  groups: '用户组',
  clearance: '人员密级',
  // 密级、代理、密钥
  from: '从',
  to: '至',
  secrecyPeriod: '保密期限',
  value: '数值',
  unit: '单位',
  changeId: '变更记录',
  secretLevel: '密级',
  docNumber: '文号',
  parts: '查阅内容',
  attachmentId: '附件',
  sm3: 'SM3 摘要',
  principal: '被代理人',
  deputy: '代理人',
  definitionKeys: '限定流程',
  proxies: '结束的代理',
  topics: '主题',
  alreadyRevokedAt: '此前已吊销于',
  format: '格式',
  refused: '拒绝原因',
  errorCode: '错误代码',
  // 流程
  key: '流程标识',
  version: '版本',
  deploymentId: '部署',
  action: '操作',
  fromElementInstanceId: '原节点实例',
  targetElementId: '目标节点',
  targetElementInstanceId: '目标节点实例',
  by: '操作人',
  incidentId: '故障',
  source: '来源',
  status: '状态',
  ran: '已执行',
  correlationKey: '关联键',
  instanceId: '流程实例',
  started: '新启动',
  receivers: '接收数',
  // 日历
  calendarVersion: '日历版本',
  dataVersion: '数据版本',
  holidays: '节假日数',
  workdays: '调休工作日数',
  replaced: '替换原有',
  day: '日期',
  provisional: '期限待定',
  wasProvisional: '原期限待定',
  tasks: '调整期限的待办',
  // 访问控制与审计
  path: '路径',
  required: '所需角色',
  attempted: '尝试的操作',
  scope: '范围',
  filter: '查询条件',
  offset: '起始行',
  limit: '每页条数',
  total: '匹配条数',
  ok: '完整',
  checked: '已校验条数',
  firstBrokenSeq: '首个被改动的序号',
  firstBrokenId: '首个被改动的事件',
  eventType: '事件类型',
  result: '结果',
  actor: '操作人',
  targetType: '对象类型',
  targetId: '对象 ID',
  truncated: '已截断',
  size: '大小',
  unparsable: '无法解析的原文',
};

/** What `from`/`to` mean in the events that record them. */
const LABELS_BY_EVENT: Record<string, Record<string, string>> = {
  'classification.change': { from: '原密级', to: '新密级' },
  'user.clearance.change': { from: '原人员密级', to: '新人员密级' },
  'proxy.set': { from: '开始时间', to: '结束时间' },
  'task.reassign': { from: '原办理人', to: '新办理人' },
  'instance.move': { from: '原节点' },
  'auth.session.expired': { reason: '过期方式' },
  'document.deadline.recounted': { from: '原办理期限', to: '新办理期限' },
};

/** Inside `filter` of a search or an export. */
const FILTER_LABELS: Record<string, string> = { from: '起始时间', to: '截止时间' };

/** The codes recorded as values, by the key that holds them. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  reason: {
    unknown_user: '用户不存在',
    wrong_password: '密码错误',
    locked: '账户已锁定',
    disabled: '账户已停用',
    throttled: '同一地址失败过多（限流）',
    idle: '长时间未操作',
    absolute: '超过会话最长时限',
    wrong_code: '验证码错误',
    code_reused: '验证码已使用过',
    wrong_recovery_code: '恢复码错误',
    activation_code_wrong: '激活时验证码错误',
  },
  stage: { secret_issued: '已生成密钥，待激活', activated: '已激活' },
  kind: { totp: '动态口令（TOTP）' },
  scope: { all: '全部事件', 'auditor-events': '安全审计员的事件' },
  format: { csv: 'CSV', xlsx: 'XLSX', id: '带 ID 的密钥', legacy: '旧格式密钥', malformed: '格式错误的密钥', missing: '未提供密钥' },
  parts: { elements: '公文要素', processingRecord: '处理单' },
  action: { move: '移动令牌', terminate: '终止', retry: '重试故障' },
  source: { engine: '流程引擎', job: '作业', local: '本地设置', statutory: '法定节假日数据', manual: '手工导入' },
  status: { done: '已完成', pending: '待执行', failed: '失败', running: '执行中' },
  phone: { set: '已设置', cleared: '已清除' },
  idNumber: { set: '已设置', cleared: '已清除' },
  attempted: AUDIT_EVENT_TYPES,
  eventType: AUDIT_EVENT_TYPES,
  result: { success: '成功', failure: '失败' },
  secretLevel: SECRET_LEVEL_NAMES,
  unit: { YEAR: '年', MONTH: '月', DAY: '日' },
  errorCode: ERROR_MESSAGES_ZH,
};

/** Keys whose values are roles. */
const ROLE_KEYS = new Set(['required']);
const ROLE_CHANGE = 'user.roles.change';
const ROLE_CHANGE_KEYS = new Set(['before', 'after', 'added', 'removed']);

/** What an event's target is (`target_type`). */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  org: '机构',
  document: '公文',
  apikey: '接口密钥',
  instance: '流程实例',
  definition: '流程定义',
  task: '任务',
  calendar: '工作日历',
  job: '作业',
  message: '消息',
  signal: '信号',
  session: '会话',
  route: '接口',
};

export const RESULT_LABELS = { success: '成功', failure: '失败' } as const;

/** The Chinese label of an event code (the contract's list); an unknown code shows as itself. */
export function eventLabel(code: string): string {
  return (AUDIT_EVENT_TYPES as Record<string, string>)[code] ?? code;
}

export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? type;
}

/** The Chinese message of an error code where the client has one, else null. */
export function errorMessage(code: string): string | null {
  return (ERROR_MESSAGES_ZH as Record<string, string>)[code] ?? null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** `2026-12-08 06:14:08` in Beijing time (UTC+8, no daylight saving), whatever the browser's zone. */
export function beijingTime(iso: string | number | Date): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return String(iso);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** One line of the details as the drawer shows it: a label, the raw key, and the value in words. */
export interface DetailEntry {
  key: string;
  label: string;
  value: string;
}

/** The event's details as a labelled list, in the recorded order; nested objects in one line each. */
export function detailEntries(event: Pick<AuditEvent, 'eventType' | 'details'>): DetailEntry[] {
  return Object.entries(event.details ?? {}).map(([key, value]) => ({
    key,
    label: labelOf(event.eventType, key),
    value: valueText(event.eventType, key, value, 0),
  }));
}

function labelOf(eventType: string, key: string, parent?: string): string {
  if (parent === 'filter') return FILTER_LABELS[key] ?? DETAIL_LABELS[key] ?? key;
  return LABELS_BY_EVENT[eventType]?.[key] ?? DETAIL_LABELS[key] ?? key;
}

function valueText(eventType: string, key: string, value: unknown, depth: number): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(eventType, key, v, depth + 1)).join('、') : '（无）';
  if (typeof value === 'object') {
    if (depth > 3) return JSON.stringify(value);
    if (!Object.keys(value).length) return '（无）';
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${labelOf(eventType, k, key)}：${valueText(eventType, k, v, depth + 1)}`)
      .join('；');
  }
  const text = String(value);
  if (ROLE_KEYS.has(key) || (eventType === ROLE_CHANGE && ROLE_CHANGE_KEYS.has(key))) {
    return (ROLE_LABELS_ZH as Record<string, string>)[text] ?? text;
  }
  if (eventType === 'user.clearance.change' && (key === 'from' || key === 'to')) {
    return (CLEARANCE_NAMES as Record<string, string>)[text] ?? text;
  }
  if (eventType === 'classification.change' && (key === 'from' || key === 'to')) {
    return (SECRET_LEVEL_NAMES as Record<string, string>)[text] ?? text;
  }
  if (key === 'targetType') return targetTypeLabel(text);
  const coded = VALUE_LABELS[key] as Record<string, string> | undefined;
  if (coded?.[text]) return key === 'errorCode' ? `${coded[text]}（${text}）` : coded[text];
  if (ISO_TIME.test(text)) return beijingTime(text);
  return text;
}
