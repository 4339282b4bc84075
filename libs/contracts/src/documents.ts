import * as z from 'zod';

/**
 * Official documents (公文) under the 党政机关公文处理工作条例 (2012) and GB/T 9704-2012 /
 * GB/T 33480-2016: the document's elements, 收文登记, 发文字号, attachments and 传阅.
 */

/** The 15 文种 of 条例 第八条, in its order. `code` is stored; `name` is what a title ends with. */
export const DOC_TYPES = [
  { code: 'GW01', name: '决议' },
  { code: 'GW02', name: '决定' },
  { code: 'GW03', name: '命令' },
  { code: 'GW04', name: '公报' },
  { code: 'GW05', name: '公告' },
  { code: 'GW06', name: '通告' },
  { code: 'GW07', name: '意见' },
  { code: 'GW08', name: '通知' },
  { code: 'GW09', name: '通报' },
  { code: 'GW10', name: '报告' },
  { code: 'GW11', name: '请示' },
  { code: 'GW12', name: '批复' },
  { code: 'GW13', name: '议案' },
  { code: 'GW14', name: '函' },
  { code: 'GW15', name: '纪要' },
] as const;
export type DocTypeCode = (typeof DOC_TYPES)[number]['code'];
export const DocTypeSchema = z.enum(DOC_TYPES.map((t) => t.code) as [DocTypeCode, ...DocTypeCode[]]);
/** 文种 code → Chinese name. */
export const DOC_TYPE_NAMES = Object.fromEntries(DOC_TYPES.map((t) => [t.code, t.name])) as Record<DocTypeCode, string>;

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing'] as const;
export const DocumentDirectionSchema = z.enum(DOCUMENT_DIRECTIONS);
export type DocumentDirection = z.infer<typeof DocumentDirectionSchema>;

/** 密级: none / 秘密 / 机密 / 绝密. */
export const SECRET_LEVELS = ['NONE', 'SECRET', 'CONFIDENTIAL', 'TOP_SECRET'] as const;
export const SecretLevelSchema = z.enum(SECRET_LEVELS);
export type SecretLevel = z.infer<typeof SecretLevelSchema>;

/** 紧急程度: none / 加急 / 特急. */
export const URGENCIES = ['NONE', 'URGENT', 'EXTRA_URGENT'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

/** 公开属性: 主动公开 / 依申请公开 / 不予公开 (reason required) / 删减后公开. */
export const DISCLOSURES = ['ACTIVE', 'ON_REQUEST', 'NOT_PUBLIC', 'REDACTED_PUBLIC'] as const;
export const DisclosureSchema = z.enum(DISCLOSURES);
export type Disclosure = z.infer<typeof DisclosureSchema>;

/** 签收 channel: 电子公文交换 / 机要交通 / 邮寄 / 面交 / 传真. */
export const RECEIPT_CHANNELS = ['EXCHANGE', 'COURIER', 'MAIL', 'HAND', 'FAX'] as const;
export const ReceiptChannelSchema = z.enum(RECEIPT_CHANNELS);

/** 办件 (to act on) / 阅件 (to read). */
export const HANDLING_TYPES = ['ACT', 'READ'] as const;
export const HandlingTypeSchema = z.enum(HANDLING_TYPES);

/** 保密期限: a period (≤ 30/20/10 years for 绝密/机密/秘密) or a declassification condition. */
export const SecrecyPeriodSchema = z.union([
  z.object({ value: z.number().int().min(1).max(1200), unit: z.enum(['YEAR', 'MONTH', 'DAY']) }).strict(),
  z.object({ condition: z.string().trim().min(1).max(200) }).strict(),
]);
export type SecrecyPeriod = z.infer<typeof SecrecyPeriodSchema>;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const NAME = z.string().trim().min(1).max(200);
const NAMES = z.array(NAME).max(100);

/** The document's elements a clerk can set (GB/T 9704 §7, GB/T 33480). */
export const DocumentFieldsSchema = z.object({
  docType: DocTypeSchema,
  /** 标题: should end with the 文种 name */
  title: z.string().trim().min(1).max(200),
  secretLevel: SecretLevelSchema,
  secrecyPeriod: SecrecyPeriodSchema.nullable(),
  urgency: UrgencySchema,
  /** 发文机关 */
  issuer: z.string().trim().max(200),
  /** 机关代字 of the 发文字号 (outgoing), e.g. 安政发 */
  orgCode: z.string().trim().max(20).nullable(),
  /** 签发人 names */
  signers: NAMES,
  /** 主送机关 (names or a 统称) */
  mainRecipients: NAMES,
  /** 抄送机关 */
  ccRecipients: NAMES,
  /** 成文日期 */
  writtenDate: DAY.nullable(),
  /** 附注 */
  note: z.string().max(500).nullable(),
  disclosure: DisclosureSchema,
  disclosureReason: z.string().max(500).nullable(),
  /** 附件说明: the names of the attachments, in order */
  attachmentNotes: NAMES,
  /** 正文 as text; refused for 秘密 and above */
  body: z.string().max(200_000).nullable(),
});
export type DocumentFields = z.infer<typeof DocumentFieldsSchema>;

/** What an element is when the request leaves it out. */
export const DOCUMENT_DEFAULTS: Omit<DocumentFields, 'docType' | 'title'> = {
  secretLevel: 'NONE',
  secrecyPeriod: null,
  urgency: 'NONE',
  issuer: '',
  orgCode: null,
  signers: [],
  mainRecipients: [],
  ccRecipients: [],
  writtenDate: null,
  note: null,
  disclosure: 'ON_REQUEST',
  disclosureReason: null,
  attachmentNotes: [],
  body: null,
};

/** 收文登记 of an incoming document. */
export const IncomingRegistrationInputSchema = z
  .object({
    /** 来文机关 */
    sourceOrg: z.string().trim().min(1).max(200),
    /** 来文字号 (may be empty for 信函) */
    sourceDocNumber: z.string().trim().max(60).nullable().default(null),
    /** 签收 time, ISO 8601; stored to the minute */
    signedForAt: z.string().max(64),
    channel: ReceiptChannelSchema,
    handlingType: HandlingTypeSchema,
    copies: z.number().int().min(1).max(10_000).default(1),
    /** 办理时限 in working days; the due date is counted on the working-day calendar */
    timeLimitWorkdays: z.number().int().min(1).max(365).nullable().default(null),
    /** 主办部门 (org id) */
    leadDept: z.string().max(26).nullable().default(null),
    /** 协办部门 (org ids) */
    assistDepts: z.array(z.string().max(26)).max(50).default([]),
  })
  .strict()
  .meta({ id: 'IncomingRegistrationInput' });
export type IncomingRegistrationInput = z.infer<typeof IncomingRegistrationInputSchema>;

/**
 * 纸质涉密载体 custody: a classified document exists on this system only as metadata; its paper
 * copy is tracked by 份号 (six digits, GB/T 9704 §7.2.1), 保管人 and 存放位置 — required when the
 * 密级 is 秘密 or above ({@link checkPaperCustody}). Not elements of the document's version.
 */
export const PaperCustodySchema = z.object({
  /** 份号: six digits */
  copyNumber: z.string().trim().max(20).nullable(),
  /** 保管人 */
  custodian: z.string().trim().max(40).nullable(),
  /** 存放位置 */
  storageLocation: z.string().trim().max(200).nullable(),
});
export type PaperCustody = z.infer<typeof PaperCustodySchema>;
export const COPY_NUMBER_PATTERN = /^\d{6}$/;

/** The first custody rule a classified document breaks, as an error code; null when none. */
export function checkPaperCustody(level: SecretLevel, c: Partial<PaperCustody>): PaperCustodyViolation | null {
  if (level === 'NONE') return c.copyNumber && !COPY_NUMBER_PATTERN.test(c.copyNumber) ? 'DOCUMENT_COPY_NUMBER_FORMAT' : null;
  if (!c.copyNumber?.trim()) return 'DOCUMENT_COPY_NUMBER_REQUIRED';
  if (!COPY_NUMBER_PATTERN.test(c.copyNumber)) return 'DOCUMENT_COPY_NUMBER_FORMAT';
  if (!c.custodian?.trim()) return 'DOCUMENT_CUSTODIAN_REQUIRED';
  if (!c.storageLocation?.trim()) return 'DOCUMENT_STORAGE_LOCATION_REQUIRED';
  return null;
}
export type PaperCustodyViolation =
  | 'DOCUMENT_COPY_NUMBER_REQUIRED'
  | 'DOCUMENT_COPY_NUMBER_FORMAT'
  | 'DOCUMENT_CUSTODIAN_REQUIRED'
  | 'DOCUMENT_STORAGE_LOCATION_REQUIRED';

/** Whether a document of this 密级 may carry an electronic body or attachments on this system (only 非密). */
export const mayHoldElectronicContent = (level: SecretLevel): boolean => level === 'NONE';

/** Registers an incoming document (with `registration`) or drafts an outgoing one; omitted elements take {@link DOCUMENT_DEFAULTS}. */
export const CreateDocumentSchema = DocumentFieldsSchema.partial()
  .required({ docType: true, title: true })
  .extend({ direction: DocumentDirectionSchema, registration: IncomingRegistrationInputSchema.optional() })
  .extend(PaperCustodySchema.partial().shape)
  .strict()
  .meta({ id: 'CreateDocument' });
export type CreateDocument = z.infer<typeof CreateDocumentSchema>;

/**
 * A change of some elements; each accepted change is a new version. `secretLevel` and
 * `secrecyPeriod` may be sent unchanged only: changing them is 变更密级 (the security admin's
 * `POST /documents/:id/classification`), a PATCH that changes them is a 403.
 */
export const UpdateDocumentSchema = DocumentFieldsSchema.partial()
  .extend(PaperCustodySchema.partial().shape)
  .strict()
  .meta({ id: 'UpdateDocument' });

/** 变更密级: the security admin's act, with a reason; raising it needs the custody fields and no electronic content. */
export const ChangeClassificationSchema = z
  .object({
    secretLevel: SecretLevelSchema,
    /** required for a classified level, absent (cleared) for NONE */
    secrecyPeriod: SecrecyPeriodSchema.nullable().optional(),
    /** mandatory; an empty one is a 422 DOCUMENT_CLASSIFICATION_REASON_REQUIRED */
    reason: z.string().max(500).optional(),
  })
  .extend(PaperCustodySchema.partial().shape)
  .strict()
  .meta({ id: 'ChangeClassification' });
export type ChangeClassification = z.infer<typeof ChangeClassificationSchema>;

export const ClassificationChangeSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    fromLevel: SecretLevelSchema,
    toLevel: SecretLevelSchema,
    reason: z.string(),
    changedBy: z.string(),
    changedAt: z.string(),
  })
  .meta({ id: 'ClassificationChange' });
export type ClassificationChange = z.infer<typeof ClassificationChangeSchema>;
export type UpdateDocument = z.infer<typeof UpdateDocumentSchema>;

export const IncomingRegistrationSchema = z
  .object({
    regNo: z.string(),
    sourceOrg: z.string(),
    sourceDocNumber: z.string().nullable(),
    signedForBy: z.string(),
    signedForAt: z.string(),
    channel: ReceiptChannelSchema,
    handlingType: HandlingTypeSchema,
    copies: z.number().int(),
    timeLimitWorkdays: z.number().int().nullable(),
    dueAt: z.string().nullable(),
    dueProvisional: z.boolean(),
    leadDept: z.string().nullable(),
    assistDepts: z.array(z.string()),
  })
  .meta({ id: 'IncomingRegistration' });
export type IncomingRegistration = z.infer<typeof IncomingRegistrationSchema>;

export const AttachmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sm3: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'DocumentAttachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) }).meta({ id: 'DocumentAttachmentList' });
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

export const DOCUMENT_STATUSES = ['handling', 'completed', 'cancelled'] as const;

export const OfficialDocumentSchema = z
  .object({
    id: z.string(),
    direction: DocumentDirectionSchema,
    docType: DocTypeSchema,
    docTypeName: z.string(),
    title: z.string(),
    secretLevel: SecretLevelSchema,
    secrecyPeriod: SecrecyPeriodSchema.nullable(),
    urgency: UrgencySchema,
    issuer: z.string(),
    orgCode: z.string().nullable(),
    /** 发文字号 text, e.g. 安政发〔2026〕12号 (outgoing, after registration) */
    docNumber: z.string().nullable(),
    signers: z.array(z.string()),
    mainRecipients: z.array(z.string()),
    ccRecipients: z.array(z.string()),
    writtenDate: z.string().nullable(),
    note: z.string().nullable(),
    disclosure: DisclosureSchema,
    disclosureReason: z.string().nullable(),
    attachmentNotes: z.array(z.string()),
    body: z.string().nullable(),
    /** 份号, 保管人, 存放位置 of the paper copy (classified documents) */
    copyNumber: z.string().nullable(),
    custodian: z.string().nullable(),
    storageLocation: z.string().nullable(),
    status: z.enum(DOCUMENT_STATUSES),
    instanceId: z.string().nullable(),
    /** document version: 1 at creation, +1 per accepted change */
    version: z.number().int(),
    /** SM3 of the canonical JSON of this version */
    digest: z.string(),
    registration: IncomingRegistrationSchema.nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OfficialDocument' });
export type OfficialDocument = z.infer<typeof OfficialDocumentSchema>;

/** An opinion given at a step, bound to the SM3 digest of the document version it was written on. */
export const StepOpinionSchema = z
  .object({
    kind: z.string(),
    text: z.string(),
    author: z.string(),
    /** the principal a deputy wrote for (代理): shown as 「B（代A）」 */
    onBehalfOf: z.string().nullable(),
    /** the department (organization name) the author belongs to: 主办 and 协办 are signed 「name（department）」 */
    authorOrg: z.string().nullable(),
    /** 同意 / 不同意 of a vote (会签); null when the opinion casts none */
    approve: z.boolean().nullable(),
    documentDigest: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'StepOpinion' });
export type StepOpinion = z.infer<typeof StepOpinionSchema>;

/** One line of the 处理单: a step, who handled it, their opinion, when. */
export const ProcessingStepSchema = z
  .object({
    taskId: z.string(),
    step: z.string(),
    name: z.string().nullable(),
    assignee: z.string().nullable(),
    status: z.string(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    /** the text of the last opinion of the step */
    opinion: z.string().nullable(),
    opinions: z.array(StepOpinionSchema),
  })
  .meta({ id: 'ProcessingStep' });
export type ProcessingStep = z.infer<typeof ProcessingStepSchema>;

/** An organization a 处理单 names (主办, 协办): its id and name. */
export const SheetOrgSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'SheetOrg' });

/**
 * Who handles the document now, as the 处理单 shows it: the lead (主办) and assisting (协办)
 * departments the 批示 chose (else the registration's), and the 签发人 once 签发 is done.
 */
export const DocumentHandlingSchema = z
  .object({
    /** the organization that registered or drafted it: the head of its 处理单 */
    office: z.string(),
    leadDept: SheetOrgSchema.nullable(),
    assistDepts: z.array(SheetOrgSchema),
    /** who signed it off (签发), for whom when a deputy did, and when; null before 签发 */
    signedOff: z.object({ by: z.string(), onBehalfOf: z.string().nullable(), at: z.string() }).nullable(),
    /** the 签发人 chosen at 拟稿 (username; the process variable `issuer`), null when left to the group */
    issuer: z.string().nullable(),
    /** the 会签 heads chosen at 拟稿 (`countersigners`) with their organization (会签单位) */
    countersigners: z.array(z.object({ username: z.string(), org: SheetOrgSchema.nullable() })),
  })
  .meta({ id: 'DocumentHandling' });
export type DocumentHandling = z.infer<typeof DocumentHandlingSchema>;

export const DocumentDetailSchema = OfficialDocumentSchema.extend({
  attachments: z.array(AttachmentSchema),
  processingRecord: z.array(ProcessingStepSchema),
  handling: DocumentHandlingSchema,
}).meta({ id: 'OfficialDocumentDetail' });
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DOCUMENT_BOXES = ['todo', 'done', 'mine', 'all'] as const;
/** GET /documents/register: the 收文登记簿 of the incoming documents the caller may read, by 签收 time. */
export const RegisterQuerySchema = z
  .object({
    /** Beijing 签收 date range, inclusive (YYYY-MM-DD) */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();
export type RegisterQuery = z.infer<typeof RegisterQuerySchema>;

/** One line of the 收文登记簿 (register columns). */
export const RegisterRowSchema = z
  .object({
    id: z.string(),
    regNo: z.string(),
    signedForAt: z.string(),
    sourceOrg: z.string(),
    sourceDocNumber: z.string().nullable(),
    title: z.string(),
    secretLevel: z.string(),
    urgency: z.string(),
    dueAt: z.string().nullable(),
    leadDept: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'RegisterRow' });
export type RegisterRow = z.infer<typeof RegisterRowSchema>;
export const RegisterListSchema = z.object({ items: z.array(RegisterRowSchema) }).meta({ id: 'RegisterList' });
export type RegisterList = z.infer<typeof RegisterListSchema>;

export const DocumentQuerySchema = z
  .object({
    box: z.enum(DOCUMENT_BOXES).default('all'),
    /** title, 发文字号, 收文号 or 来文字号; pinyin (full or initials) matches titles */
    q: z.string().trim().max(100).optional(),
    direction: DocumentDirectionSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type DocumentQuery = z.infer<typeof DocumentQuerySchema>;

export const DocumentListSchema = z
  .object({ items: z.array(OfficialDocumentSchema.omit({ body: true })), total: z.number().int() })
  .meta({ id: 'OfficialDocumentList' });
export type DocumentList = z.infer<typeof DocumentListSchema>;

/** The element id of the 发文登记 step: the 发文字号 is allocated there and nowhere earlier. */
export const REGISTER_STEP = 'register';

export const DOC_NUMBER_STATUSES = ['allocated', 'voided'] as const;
/** GET /doc-numbers: the numbers ever handed out, e.g. the voided ones (`status=voided`). */
export const DocNumberQuerySchema = z
  .object({
    status: z.enum(DOC_NUMBER_STATUSES).optional(),
    orgCode: z.string().trim().max(20).optional(),
    year: z.coerce.number().int().min(1949).max(9999).optional(),
  })
  .strict();
export type DocNumberQuery = z.infer<typeof DocNumberQuerySchema>;
export const DocNumberRecordSchema = z
  .object({
    text: z.string(),
    orgCode: z.string(),
    year: z.number().int(),
    seq: z.number().int(),
    status: z.enum(DOC_NUMBER_STATUSES),
    documentId: z.string(),
    allocatedBy: z.string(),
    allocatedAt: z.string(),
    voidedBy: z.string().nullable(),
    voidedAt: z.string().nullable(),
    voidReason: z.string().nullable(),
  })
  .meta({ id: 'DocNumberRecord' });
export type DocNumberRecord = z.infer<typeof DocNumberRecordSchema>;
export const DocNumberListSchema = z.object({ items: z.array(DocNumberRecordSchema) }).meta({ id: 'DocNumberList' });
export type DocNumberList = z.infer<typeof DocNumberListSchema>;

/** Registers the outgoing document: allocates its 发文字号 (at 发文登记, after 签发). */
export const AllocateNumberSchema = z.object({}).strict().meta({ id: 'AllocateDocNumber' });
export const VoidNumberSchema = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'VoidDocNumber' });
export type VoidNumber = z.infer<typeof VoidNumberSchema>;

export const CIRCULATION_ORDERS = ['sequential', 'parallel'] as const;
export const CirculateSchema = z
  .object({ readers: z.array(z.string().trim().min(1).max(32)).min(1).max(100), order: z.enum(CIRCULATION_ORDERS) })
  .strict()
  .meta({ id: 'Circulate' });
export type Circulate = z.infer<typeof CirculateSchema>;
export const ReadReceiptSchema = z
  .object({ note: z.string().trim().max(500).optional() })
  .strict()
  .meta({ id: 'ReadReceipt' });
export type ReadReceipt = z.infer<typeof ReadReceiptSchema>;
/** The readers who have not read yet, in their new order; the first becomes the holder. */
export const ReorderCirculationSchema = z
  .object({ readers: z.array(z.string().trim().min(1).max(32)).min(1).max(100), reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'ReorderCirculation' });
export type ReorderCirculation = z.infer<typeof ReorderCirculationSchema>;
export const SkipReaderSchema = z
  .object({ reader: z.string().trim().min(1).max(32), reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'SkipCirculationReader' });
export type SkipReader = z.infer<typeof SkipReaderSchema>;

export const CIRCULATION_READER_STATUSES = ['pending', 'holding', 'read', 'skipped'] as const;
export const CirculationReaderSchema = z
  .object({
    username: z.string(),
    seq: z.number().int(),
    status: z.enum(CIRCULATION_READER_STATUSES),
    readAt: z.string().nullable(),
    note: z.string().nullable(),
    skipReason: z.string().nullable(),
  })
  .meta({ id: 'CirculationReader' });
export const CirculationSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    documentTitle: z.string(),
    order: z.enum(CIRCULATION_ORDERS),
    status: z.enum(['active', 'completed']),
    createdBy: z.string(),
    createdAt: z.string(),
    /** who holds the document now (sequential: one; parallel: everyone who has not read) */
    holders: z.array(z.string()),
    readers: z.array(CirculationReaderSchema),
  })
  .meta({ id: 'Circulation' });
export type Circulation = z.infer<typeof CirculationSchema>;
export const CirculationListSchema = z.object({ items: z.array(CirculationSchema) }).meta({ id: 'CirculationList' });
export type CirculationList = z.infer<typeof CirculationListSchema>;
export const CirculationQuerySchema = z.object({ mine: z.enum(['true', 'false']).default('true') }).strict();
export type CirculationQuery = z.infer<typeof CirculationQuerySchema>;

/** A rule of the 条例 a document breaks; the 422 DOCUMENT_RULE_VIOLATION lists them in `details`. */
export const DOCUMENT_RULES = {
  TITLE_DOC_TYPE: '标题应以文种名称结尾',
  REQUEST_ONE_MAIN_RECIPIENT: '请示只能主送一个机关',
  SIGNER_REQUIRED: '上行文（请示、报告、议案）应当标注签发人',
  MAIN_RECIPIENT_REQUIRED: '该文种应当有主送机关',
  ATTACHMENT_NAME_PUNCTUATION: '附件名称后不加标点符号',
  SECRECY_PERIOD_REQUIRED: '涉密公文应当标注保密期限',
  SECRECY_PERIOD_TOO_LONG: '保密期限超过法定上限（绝密30年、机密20年、秘密10年）',
  SECRECY_PERIOD_WITHOUT_LEVEL: '非涉密公文不标注保密期限',
  CLASSIFIED_DISCLOSURE: '涉密公文不得公开',
  DISCLOSURE_REASON_REQUIRED: '不予公开的公文应当说明理由',
  WRITTEN_DATE_INVALID: '成文日期不是有效日期',
  DOC_NUMBER_FORMAT: '发文字号格式应为“机关代字〔年份〕序号号”，年份用六角括号，序号不编虚位',
  ORG_CODE_FORMAT: '机关代字只能由汉字或字母组成',
  REGISTRATION_REQUIRED: '收文应当填写收文登记信息',
  REGISTRATION_NOT_ALLOWED: '发文不填写收文登记信息',
  TIME_LIMIT_REQUIRED: '紧急公文应当明确办理时限',
  LEAD_DEPT_REQUIRED: '两个以上部门办理的，应当明确主办部门',
  SIGNED_FOR_AT_INVALID: '签收时间不是有效的时间',
} as const;
export type DocumentRule = keyof typeof DOCUMENT_RULES;
export interface DocumentRuleViolation {
  field: string;
  rule: DocumentRule;
  message: string;
}

/** 机关代字〔年份〕序号号: 〔〕 are U+3014/U+3015; the number has no leading zeros, no 第. */
const DOC_NUMBER_PATTERN = /^([\p{Script=Han}A-Za-z]{1,20})〔(\d{4})〕([1-9]\d{0,5})号$/u;
export const ORG_CODE_PATTERN = /^[\p{Script=Han}A-Za-z]{1,20}$/u;

export interface DocNumber {
  orgCode: string;
  year: number;
  seq: number;
}

/** Parses `安政发〔2026〕12号`; null for any other form ([2026], (2026), 012, 第12号 …). */
export function parseDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER_PATTERN.exec(text);
  if (!m) return null;
  return { orgCode: m[1], year: Number(m[2]), seq: Number(m[3]) };
}

/** Formats a 发文字号; throws on values that cannot form a valid one (a programmer error). */
export function formatDocNumber(n: DocNumber): string {
  if (
    !ORG_CODE_PATTERN.test(n.orgCode) ||
    !Number.isInteger(n.year) ||
    n.year < 1000 ||
    n.year > 9999 ||
    !Number.isInteger(n.seq) ||
    n.seq < 1
  ) {
    throw new Error(`not a valid document number: ${JSON.stringify(n)}`);
  }
  return `${n.orgCode}〔${n.year}〕${n.seq}号`;
}
