import { PASSWORD_RULE_ZH, ROLE_LABELS_ZH } from '@liuzhuan/contracts';

/**
 * The Chinese dictionary is the source of truth: its keys define `TranslationKey`, and the
 * English dictionary must provide every one of them (checked by the compiler).
 * `{name}` placeholders are filled by `I18nService.t(key, params)`.
 */
export const ZH_CN = {
  'app.name': '流转',
  'app.fullTitle': '流转 · 公文流转与审批系统',
  'app.org': '安康市人民政府',
  'app.version': '版本 {version}',

  'login.title': '流转 · 公文流转与审批系统',
  'login.subtitle': '安康市人民政府',
  'login.heading': '用户登录',
  'letter.title': '领导信箱',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernamePlaceholder': '请输入用户名',
  'login.passwordPlaceholder': '请输入密码',
  'login.usernameRequired': '请输入用户名',
  'login.usernameTooLong': '用户名不能超过 64 个字符',
  'login.passwordRequired': '请输入密码',
  'login.passwordTooLong': '密码不能超过 256 个字符',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.hint': '本系统为政务内网系统，请妥善保管账号密码，离开时请退出登录。',
  'login.language': 'English',
  'login.changeHeading': '请修改密码',
  'login.changeIntro': '您正在使用一次性密码（新账号的初始密码或安全保密管理员重置的临时密码），须先设置自己的新密码。',
  'login.currentPassword': '当前密码',
  'login.newPassword': '新密码',
  'login.repeatPassword': '再次输入新密码',
  'login.passwordRule': PASSWORD_RULE_ZH,
  'login.passwordMismatch': '两次输入的新密码不一致',
  'login.changeSubmit': '修改密码并登录',

  'shell.toggleMenu': '展开/收起菜单',
  'shell.logout': '退出登录',
  'shell.switchLanguage': 'English',
  'shell.switchLanguageLabel': '切换语言为英文',
  'shell.currentUser': '当前用户',
  'shell.mainMenu': '主菜单',

  'nav.inbox': '待办',
  'nav.done': '已办',
  'nav.started': '我发起的',
  'nav.cc': '抄送我的',
  'nav.circulation': '传阅',
  'nav.documents': '公文',
  'nav.designer': '流程设计',
  'nav.monitor': '流程监控',
  'nav.admin': '机构与用户',
  'nav.security': '安全策略',
  'nav.audit': '审计日志',
  'nav.auditorLog': '审计员操作记录',

  'inbox.col.title': '标题',
  'inbox.col.type': '类型',
  'inbox.col.step': '当前环节',
  'inbox.col.urgency': '紧急程度',
  'inbox.col.deadline': '办理期限',
  'inbox.col.initiator': '发起人',
  'inbox.empty.inbox': '暂无待办事项',
  'inbox.empty.done': '暂无已办事项',
  'inbox.empty.started': '暂无我发起的事项',
  'inbox.empty.cc': '暂无抄送我的事项',
  'inbox.empty.circulation': '暂无传阅事项',

  'notFound.title': '页面不存在',
  'notFound.subtitle': '您访问的页面不存在或已被移除。',
  'forbidden.title': '无权访问',
  'forbidden.subtitle': '您没有访问该页面的权限，如有需要请联系安全保密管理员。',
  'common.backHome': '返回首页',

  'error.generic': '操作失败，请稍后重试',
  'error.network': '无法连接到服务器，请检查网络后重试',
  'error.sessionExpired': '登录已过期，请重新登录',

  'role.clerk': ROLE_LABELS_ZH.clerk,
  'role.leader': ROLE_LABELS_ZH.leader,
  'role.workflow_admin': ROLE_LABELS_ZH.workflow_admin,
  'role.system_admin': ROLE_LABELS_ZH.system_admin,
  'role.security_admin': ROLE_LABELS_ZH.security_admin,
  'role.auditor': ROLE_LABELS_ZH.auditor,
} as const;

export type TranslationKey = keyof typeof ZH_CN;
export type Dictionary = Record<TranslationKey, string>;
