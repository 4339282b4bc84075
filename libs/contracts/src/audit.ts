// The audit trail (安全审计): the event type codes, the events as the API gives them, the search.
import * as z from 'zod';
import { RoleSchema } from './auth';

/**
 * Every audit event type: a stable dotted code (never renamed once released) and its Chinese
 * label for the auditor's console. docs/audit.md says which module writes each and when.
 */
export const AUDIT_EVENT_TYPES = {
  // 身份鉴别
  'auth.login.success': '登录成功',
  'auth.login.failure': '登录失败',
  'auth.login.locked': '账号因多次登录失败被锁定',
  'auth.unlock': '解除账号锁定',
  'auth.logout': '退出登录',
  'auth.session.expired': '会话过期',
  'auth.password.change': '修改密码',
  'auth.password.reset': '重置密码',
  'auth.totp.enroll': '绑定双因素认证',
  'auth.totp.reset': '重置双因素认证',
  'auth.totp.failure': '双因素认证失败',
  // 用户与权限
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.roles.change': '变更角色',
  'user.groups.change': '变更用户组',
  'user.clearance.change': '变更人员密级',
  'org.create': '创建机构',
  'org.update': '修改机构',
  'classification.change': '变更密级',
  'proxy.set': '设置代理',
  'proxy.clear': '取消代理',
  'apikey.issue': '签发接口密钥',
  'apikey.revoke': '吊销接口密钥',
  'apikey.refused': '接口密钥被拒绝',
  // 流程管理
  'definition.deploy': '部署流程',
  'instance.cancel': '撤销流程实例',
  'instance.move': '管理员干预：移动令牌',
  'instance.terminate': '管理员干预：终止流程实例',
  'instance.incident.retry': '管理员干预：重试故障',
  'job.execute': '管理员干预：立即执行作业',
  'message.correlate': '管理员干预：发送消息',
  'signal.broadcast': '管理员干预：广播信号',
  'task.reassign': '管理员干预：改派任务',
  // 系统设置
  'calendar.import': '导入节假日',
  'calendar.day.set': '设置工作日历',
  'calendar.day.remove': '删除工作日历设置',
  'document.deadline.recounted': '按工作日历重算办理期限',
  'settings.change': '修改系统设置',
  // 涉密信息
  'document.classified.read': '查阅涉密公文',
  'document.classified.download': '下载涉密公文附件',
  // 电子签名
  'signing.key.create': '创建签名密钥',
  'document.sign': '签发签名',
  // 发文字号
  'document.number.allocated': '编发文字号',
  'document.number.voided': '作废发文字号',
  // 访问控制
  'access.denied': '越权访问被拒绝',
  // 安全审计
  'audit.search': '查询审计日志',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志完整性',
  'audit.access.denied': '审计日志访问被拒绝',
  'audit.archive': '归档审计日志',
  'audit.anchor.list': '查看审计日志归档记录',
  'audit.anchor.download': '下载审计日志归档文件',
  'audit.anchor.verify': '校验审计日志归档文件',
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_TYPES;
export const AUDIT_EVENT_TYPE_CODES = Object.keys(AUDIT_EVENT_TYPES) as [AuditEventType, ...AuditEventType[]];
export const AuditEventTypeSchema = z.enum(AUDIT_EVENT_TYPE_CODES);

export const AUDIT_RESULTS = ['success', 'failure'] as const;
export const AuditResultSchema = z.enum(AUDIT_RESULTS);
export type AuditResult = z.infer<typeof AuditResultSchema>;

/** One audit event: the columns of `audit_event` in camelCase. */
export const AuditEventSchema = z
  .object({
    id: z.string(),
    /** position in the hash chain, 1, 2, 3 … without gaps */
    seq: z.number().int(),
    /** when, ISO 8601 (stored as epoch milliseconds) */
    at: z.string(),
    /** the username, `system`, or `apikey:<id>` */
    actor: z.string(),
    /** who the actor is, by name: a user's display name, 系统 for `system`, an API key's name; the actor itself when unknown */
    actorName: z.string(),
    /** the actor's roles at the time of the event */
    roles: z.array(z.string()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    eventType: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    /**
     * what the target is, by name (`张三（zhangsan）`, an organization's name, a 公文's number and
     * title — the number only for 秘密 and above, a process's name and version …); the id when it
     * is not (or no longer) known; null without a target
     */
    targetName: z.string().nullable(),
    result: AuditResultSchema,
    errorCode: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    /** SM3 of the previous event's hash and this event's canonical form, hex */
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

const AUDIT_FILTERS = {
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().min(1).max(128).optional(),
  eventType: z.string().min(1).max(64).optional(),
  result: AuditResultSchema.optional(),
  targetType: z.string().min(1).max(64).optional(),
  targetId: z.string().min(1).max(128).optional(),
};

/** GET /audit/events: filters (time range is from ≤ at < to) and a page of at most 200. */
export const AuditQuerySchema = z
  .object({
    ...AUDIT_FILTERS,
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** GET /audit/export: the same filters, every matching event, as CSV (UTF-8 with BOM) or XLSX. */
export const AuditExportQuerySchema = z.object({ ...AUDIT_FILTERS, format: z.enum(['csv', 'xlsx']).default('csv') }).strict();
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

export const AuditEventListSchema = z.object({ items: z.array(AuditEventSchema), total: z.number().int() }).meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof AuditEventListSchema>;

/**
 * GET /audit/verify: the chain recomputed from the stored rows at this call, from the last anchor
 * on (the rows before it are archived). GET /audit/anchors/:id/verify: an archive file re-read,
 * its digest checked against its anchor and its chain recomputed from the previous anchor.
 */
export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    /** how many events were checked */
    checked: z.number().int(),
    /** the first position whose row is missing or no longer matches its hash */
    firstBrokenSeq: z.number().int().optional(),
    /** that row's id (absent when the row itself is missing) */
    firstBrokenId: z.string().optional(),
    /** the first position checked: 1, or the position after the anchor the check started from */
    fromSeq: z.number().int(),
    /** the anchor the check started from (verify), or the anchor checked (an archive file) */
    anchorId: z.string().optional(),
    /** when that anchor was made, ISO 8601 */
    anchorAt: z.string().optional(),
    /** an archive file only: whether its SM3 digest is still the one its anchor recorded */
    digestOk: z.boolean().optional(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** POST /audit/archive: archive the events recorded before `before` (at least the retention period ago). */
export const AuditArchiveRequestSchema = z.object({ before: z.iso.datetime({ offset: true }) }).strict();
export type AuditArchiveRequest = z.infer<typeof AuditArchiveRequestSchema>;

/**
 * A chain anchor (锚点): the last archived event's position and hash, from which the remaining
 * chain is verified, and the archive file that holds the archived events.
 */
export const AuditAnchorSchema = z
  .object({
    id: z.string(),
    /** the last archived event's seq; the remaining chain starts at seq + 1 */
    seq: z.number().int(),
    /** that event's hash: the remaining chain's previous hash */
    hash: z.string(),
    /** that event's time, ISO 8601 */
    at: z.string(),
    /** the first archived event's seq (the previous anchor's seq + 1) */
    archivedFromSeq: z.number().int(),
    archivedCount: z.number().int(),
    /** the cut-off asked for: every archived event is older, ISO 8601 */
    archivedBefore: z.string(),
    /** SM3 of the archive file's bytes, hex */
    fileDigest: z.string(),
    fileName: z.string(),
    fileSize: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'AuditAnchor' });
export type AuditAnchor = z.infer<typeof AuditAnchorSchema>;

export const AuditAnchorListSchema = z
  .object({
    items: z.array(AuditAnchorSchema),
    /** events younger than this many days are never archived */
    retentionDays: z.number().int(),
  })
  .meta({ id: 'AuditAnchorList' });
export type AuditAnchorList = z.infer<typeof AuditAnchorListSchema>;

/** POST /audit/archive's answer: the new anchor, and whether older events remain (an archive holds at most 100,000). */
export const AuditArchiveResultSchema = z.object({ anchor: AuditAnchorSchema, more: z.boolean() }).meta({ id: 'AuditArchiveResult' });
export type AuditArchiveResult = z.infer<typeof AuditArchiveResultSchema>;

/** Who may read the audit trail (三员分立): the auditor all of it, the security admin the auditor's own events. */
export const AUDIT_READER_ROLES = ['auditor', 'security_admin'] as const satisfies readonly z.infer<typeof RoleSchema>[];
