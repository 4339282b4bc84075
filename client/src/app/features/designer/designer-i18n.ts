import { Injectable, Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/**
 * The designer's texts live in its lazy chunk, not in the app dictionaries: the initial load
 * stays as small as it was. Chinese is the source of truth, as in core/i18n/zh-cn.ts.
 */
export const DESIGNER_ZH_CN = {
  'designer.toolbar': '流程设计工具栏',
  'designer.toolbar.new': '新建',
  'designer.toolbar.import': '导入 .bpmn',
  'designer.toolbar.export': '导出',
  'designer.toolbar.validate': '校验',
  'designer.toolbar.deploy': '部署',
  'designer.toolbar.versions': '版本列表',
  'designer.toolbar.form': '表单设计',
  'designer.untitled': '未命名流程',
  'designer.dirty': '有未保存的修改',
  'designer.canvas': '流程图画布',
  'designer.properties': '属性面板',
  'designer.imported': '已导入 {name}',
  'designer.importFailed': '无法导入该文件：{message}',
  'designer.importWarnings': '已导入，有 {count} 条警告（见校验结果）',
  'designer.fileTooLarge': '文件超过 5 MB，无法导入',
  'designer.exported': '已导出 {file}',
  'designer.discard.title': '放弃未保存的修改？',
  'designer.discard.content': '当前流程有未保存（未部署或导出）的修改，继续将丢失这些修改。',
  'designer.discard.ok': '放弃修改',
  'designer.discard.cancel': '继续编辑',
  'designer.validate.ok': '校验通过',
  'designer.validate.found': '发现 {errors} 个错误、{warnings} 个警告',
  'designer.deploy.ok': '已部署：{name} 第 {version} 版',
  'designer.deploy.invalid': '部署被拒绝：发现 {count} 个问题，已在图中标出',
  'designer.diagnostics.title': '校验结果',
  'designer.diagnostics.error': '错误',
  'designer.diagnostics.warning': '警告',
  'designer.diagnostics.file': '（文件）',
  'designer.diagnostics.close': '关闭',
  'designer.versions.title': '已部署的流程',
  'designer.versions.all': '显示所有版本',
  'designer.versions.key': '流程标识',
  'designer.versions.name': '名称',
  'designer.versions.version': '版本',
  'designer.versions.deployedAt': '部署时间',
  'designer.versions.deployedBy': '部署人',
  'designer.versions.open': '打开',
  'designer.versions.empty': '暂无已部署的流程',
  'designer.versions.opened': '已打开 {name} 第 {version} 版',
  'designer.form.title': '表单设计：{formKey}',
  'designer.form.noTask': '请先选中一个用户任务或开始事件，并填写“表单”标识',
  'designer.form.save': '保存表单',
  'designer.form.saved': '表单 {formKey} 已保存为第 {version} 版',
  'designer.form.note':
    '表单保存在服务器上（每次保存为新的版本，旧版本保留）；部署流程时会一并保存未保存的表单，“导出”时也会下载为 .form 文件。',
  'designer.form.loading': '正在读取表单…',
  'designer.form.loadFailed': '表单读取失败',
  'designer.form.retry': '重试',
  'designer.form.version': '服务器上的第 {version} 版',
  'designer.form.new': '新表单，尚未保存到服务器',
  'designer.form.unsaved': '有未保存的修改',
  'designer.form.savedOnDeploy': '已随部署保存表单：{forms}',
  'designer.oa.group': '流转',
  'designer.oa.assignee': '办理人',
  'designer.oa.assigneeNone': '未指定',
  'designer.oa.assigneeSearch': '输入姓名、拼音或首字母搜索',
  'designer.oa.assigneeHint': '保存用户名；也可填写表达式，如 ${initiator}',
  'designer.oa.noUsers': '未找到用户。',
  'designer.oa.useTyped': '使用输入值',
  'designer.oa.clear': '清除',
  'designer.oa.candidateGroups': '候选组',
  'designer.oa.candidateGroupsHint': '组代码，多个以逗号分隔',
  'designer.oa.orgRole': '组织角色',
  'designer.oa.orgRoleHint': '如 initiator-dept-head（发起人所在部门负责人）',
  'designer.oa.assigneeFrom': '可选人员范围',
  'designer.oa.assigneeFromHint':
    '办理人来自流程变量时必填，逗号分隔：group:组代码、role:角色、org:单位代码、org-heads（各单位负责人）、initiator-org（发起人单位）',
  'designer.oa.assigneeFromInvalid': '无法识别的人员范围；可用 group:、role:、org:、org-heads、initiator-org',
  'designer.oa.dueWorkdays': '办理时限（工作日）',
  'designer.oa.dueWorkdaysInvalid': '办理时限应为不小于 0 的整数（工作日）',
  'designer.oa.countersign': '会签规则',
  'designer.oa.countersignHint': '多实例任务全部办理后的会签结果规则',
  'designer.oa.countersignNeedsMulti': '仅对多实例任务有效',
  'designer.oa.countersign.none': '（无）',
  'designer.oa.countersign.all': '全部同意（all）',
  'designer.oa.countersign.any': '任一同意（any）',
  'designer.oa.countersign.ratio': '按比例同意（ratio）',
  'designer.oa.countersign.veto': '一票否决（veto）',
  'designer.oa.countersignRatio': '同意比例（0–1）',
  'designer.oa.countersignInvalid': '会签规则无效：应为 all、any、veto 或 ratio:0.6',
  'designer.oa.timerWorkdays': '定时（工作日）',
  'designer.oa.timerWorkdaysHint': '按工作日计算（节假日不计），填写后优先于“定时器”中的 ISO 8601 设置',
  'designer.oa.formKey': '表单',
  'designer.oa.formKeyHint': '任务表单的标识，如 leave-request',
  'designer.oa.editForm': '编辑表单',
} as const;

export type DesignerKey = keyof typeof DESIGNER_ZH_CN;

export const DESIGNER_EN: Record<DesignerKey, string> = {
  'designer.toolbar': 'Process designer toolbar',
  'designer.toolbar.new': 'New',
  'designer.toolbar.import': 'Import .bpmn',
  'designer.toolbar.export': 'Export',
  'designer.toolbar.validate': 'Validate',
  'designer.toolbar.deploy': 'Deploy',
  'designer.toolbar.versions': 'Versions',
  'designer.toolbar.form': 'Form designer',
  'designer.untitled': 'Untitled process',
  'designer.dirty': 'Unsaved changes',
  'designer.canvas': 'Diagram canvas',
  'designer.properties': 'Properties panel',
  'designer.imported': 'Imported {name}',
  'designer.importFailed': 'Cannot import this file: {message}',
  'designer.importWarnings': 'Imported with {count} warnings (see the check results)',
  'designer.fileTooLarge': 'The file is larger than 5 MB and cannot be imported',
  'designer.exported': 'Exported {file}',
  'designer.discard.title': 'Discard unsaved changes?',
  'designer.discard.content': 'This process has changes that were neither deployed nor exported; they will be lost.',
  'designer.discard.ok': 'Discard',
  'designer.discard.cancel': 'Keep editing',
  'designer.validate.ok': 'No problems found',
  'designer.validate.found': '{errors} errors, {warnings} warnings',
  'designer.deploy.ok': 'Deployed {name}, version {version}',
  'designer.deploy.invalid': 'Deploy refused: {count} problems, marked in the diagram',
  'designer.diagnostics.title': 'Check results',
  'designer.diagnostics.error': 'Error',
  'designer.diagnostics.warning': 'Warning',
  'designer.diagnostics.file': '(file)',
  'designer.diagnostics.close': 'Close',
  'designer.versions.title': 'Deployed processes',
  'designer.versions.all': 'Show every version',
  'designer.versions.key': 'Key',
  'designer.versions.name': 'Name',
  'designer.versions.version': 'Version',
  'designer.versions.deployedAt': 'Deployed at',
  'designer.versions.deployedBy': 'Deployed by',
  'designer.versions.open': 'Open',
  'designer.versions.empty': 'No deployed processes yet',
  'designer.versions.opened': 'Opened {name}, version {version}',
  'designer.form.title': 'Form: {formKey}',
  'designer.form.noTask': 'Select a user task or start event and fill in its form key first',
  'designer.form.save': 'Save form',
  'designer.form.saved': 'Form {formKey} saved as version {version}',
  'designer.form.note':
    'Forms are kept on the server (each save is a new version; older ones are kept); deploying saves unsaved forms too, and Export downloads them as .form files.',
  'designer.form.loading': 'Reading the form…',
  'designer.form.loadFailed': 'The form could not be read',
  'designer.form.retry': 'Retry',
  'designer.form.version': 'Version {version} on the server',
  'designer.form.new': 'New form, not yet saved on the server',
  'designer.form.unsaved': 'Unsaved changes',
  'designer.form.savedOnDeploy': 'Saved with the deploy: {forms}',
  'designer.oa.group': 'Liuzhuan',
  'designer.oa.assignee': 'Assignee',
  'designer.oa.assigneeNone': 'Not set',
  'designer.oa.assigneeSearch': 'Search by name, pinyin or initials',
  'designer.oa.assigneeHint': 'Stores the username; an expression such as ${initiator} works too',
  'designer.oa.noUsers': 'No users found.',
  'designer.oa.useTyped': 'Use the typed value',
  'designer.oa.clear': 'Clear',
  'designer.oa.candidateGroups': 'Candidate groups',
  'designer.oa.candidateGroupsHint': 'Group codes, separated by commas',
  'designer.oa.orgRole': 'Organization role',
  'designer.oa.orgRoleHint': "e.g. initiator-dept-head (head of the initiator's department)",
  'designer.oa.assigneeFrom': 'Eligible people',
  'designer.oa.assigneeFromHint':
    'Required when the assignee comes from a variable; comma-separated: group:<code>, role:<role>, org:<code>, org-heads, initiator-org',
  'designer.oa.assigneeFromInvalid': 'Unknown source; use group:, role:, org:, org-heads, initiator-org',
  'designer.oa.dueWorkdays': 'Due in (working days)',
  'designer.oa.dueWorkdaysInvalid': 'The due time must be a whole number of working days ≥ 0',
  'designer.oa.countersign': 'Countersign rule',
  'designer.oa.countersignHint': 'How the outcomes of the instances are tallied',
  'designer.oa.countersignNeedsMulti': 'Only has an effect on multi-instance tasks',
  'designer.oa.countersign.none': '(none)',
  'designer.oa.countersign.all': 'All approve (all)',
  'designer.oa.countersign.any': 'Any approves (any)',
  'designer.oa.countersign.ratio': 'Ratio approves (ratio)',
  'designer.oa.countersign.veto': 'One veto rejects (veto)',
  'designer.oa.countersignRatio': 'Approval ratio (0–1)',
  'designer.oa.countersignInvalid': 'Invalid countersign rule: use all, any, veto or ratio:0.6',
  'designer.oa.timerWorkdays': 'Timer (working days)',
  'designer.oa.timerWorkdaysHint': 'Counted in working days (holidays skipped); takes precedence over the ISO 8601 value under Timer',
  'designer.oa.formKey': 'Form',
  'designer.oa.formKeyHint': 'The key of the task form, e.g. leave-request',
  'designer.oa.editForm': 'Edit form',
};

/**
 * Chinese names of the compiler's diagnostic codes (libs/engine/src/parse). The server's messages
 * are English, for developers; the code's name tells a Chinese admin what kind of problem it is.
 */
const DIAGNOSTIC_CODES_ZH: Readonly<Record<string, string>> = {
  BPMN_STRUCTURE: '结构错误',
  BPMN_DANGLING_REFERENCE: '引用的元素不存在',
  BPMN_UNSUPPORTED_ELEMENT: '不支持的元素',
  BPMN_TIMER_INVALID: '时间设置无效',
  BPMN_NOT_XML: '不是 XML 文件',
  BPMN_SCRIPT_LANGUAGE: '不支持的脚本语言',
  BPMN_PARSE: '无法解析',
  BPMN_MISSING_ID: '缺少标识',
  BPMN_UNKNOWN_ELEMENT: '未知元素',
  BPMN_UNKNOWN_ATTRIBUTE: '未知属性',
  BPMN_TOO_LARGE: '文件过大',
  BPMN_TOO_DEEP: '嵌套过深',
  BPMN_NO_START: '缺少开始事件',
  BPMN_NO_PROCESS: '没有流程',
  BPMN_IGNORED_EXTENSION: '扩展不会执行',
  BPMN_ASSIGNEE_SOURCE: '人员范围无效',
  BPMN_ASSIGNEE_UNCHECKED: '办理人来自变量但未限定人员范围',
  BPMN_STARTERS_INVALID: '发起人设置无效',
  BPMN_EXPRESSION_INVALID: '表达式无效',
  BPMN_ENCODING: '编码错误',
  BPMN_DUPLICATE_ID: '标识重复',
  BPMN_DOCTYPE: '不允许 DOCTYPE',
  BPMN_IMPORT: '导入警告',
  DESIGNER_CHECK: '设计器检查',
};

export type DesignerTranslate = (key: DesignerKey, params?: Record<string, string | number>) => string;

/** Designer texts in the current UI language, `{name}` placeholders filled from params. */
@Injectable({ providedIn: 'root' })
export class DesignerI18n {
  private readonly i18n = inject(I18nService);

  readonly t: DesignerTranslate = (key, params) => {
    const text = (this.i18n.isChinese() ? DESIGNER_ZH_CN : DESIGNER_EN)[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** The name of a diagnostic code in the UI language (the code itself in English or when unknown). */
export function diagnosticCodeLabel(code: string, chinese: boolean): string {
  return (chinese && DIAGNOSTIC_CODES_ZH[code]) || code;
}

/** `{{ 'designer.toolbar.new' | dt }}`; impure for the same reason as the app's `t` pipe. */
@Pipe({ name: 'dt', pure: false })
export class DesignerTranslatePipe implements PipeTransform {
  private readonly designerI18n = inject(DesignerI18n);

  transform(key: DesignerKey, params?: Record<string, string | number>): string {
    return this.designerI18n.t(key, params);
  }
}
