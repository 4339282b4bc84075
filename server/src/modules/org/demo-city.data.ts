import type { OrgKind, Role, Clearance } from '@liuzhuan/contracts';

/** The demo city: 安康市人民政府, its office, six departments and two county governments. */
export interface DemoOrg {
  code: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  parent: string | null;
  head?: { username: string; name: string; position: string };
  clerk?: { username: string; name: string };
}

export interface DemoUser {
  username: string;
  name: string;
  org: string;
  position: string;
  roles: Role[];
  groups: string[];
}

export const DEMO_ORGS: DemoOrg[] = [
  { code: 'ankang', name: '安康市人民政府', shortName: '安政', kind: 'government', parent: null },
  { code: 'ankang-office', name: '安康市人民政府办公室', shortName: '安政办', kind: 'office', parent: 'ankang' },
  {
    code: 'fgw',
    name: '安康市发展和改革委员会',
    shortName: '市发改委',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'fgw_head', name: '曾志远', position: '主任' },
    clerk: { username: 'fgw_clerk', name: '何静怡' },
  },
  {
    code: 'czj',
    name: '安康市财政局',
    shortName: '市财政局',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'czj_head', name: '单立新', position: '局长' },
    clerk: { username: 'czj_clerk', name: '郭晓燕' },
  },
  {
    code: 'zjj',
    name: '安康市住房和城乡建设局',
    shortName: '市住建局',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'zjj_head', name: '马文斌', position: '局长' },
    clerk: { username: 'zjj_clerk', name: '罗佳' },
  },
  {
    code: 'gaj',
    name: '安康市公安局',
    shortName: '市公安局',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'gaj_head', name: '高峰', position: '局长' },
    clerk: { username: 'gaj_clerk', name: '林晓东' },
  },
  {
    code: 'jtj',
    name: '安康市交通运输局',
    shortName: '市交通局',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'jtj_head', name: '吕成刚', position: '局长' },
    clerk: { username: 'jtj_clerk', name: '谢婷' },
  },
  {
    code: 'cgj',
    name: '安康市城市管理执法局',
    shortName: '市城管局',
    kind: 'department',
    parent: 'ankang',
    head: { username: 'cgj_head', name: '韩振宇', position: '局长' },
    clerk: { username: 'cgj_clerk', name: '唐梦' },
  },
  { code: 'hanbin', name: '安康市汉滨区人民政府', shortName: '汉滨区政府', kind: 'county', parent: 'ankang' },
  {
    code: 'hanbin-office',
    name: '汉滨区人民政府办公室',
    shortName: '汉滨区政府办',
    kind: 'office',
    parent: 'hanbin',
    head: { username: 'hanbin_head', name: '冯晓军', position: '主任' },
    clerk: { username: 'hanbin_clerk', name: '邓小琴' },
  },
  {
    code: 'hanbin-czj',
    name: '汉滨区财政局',
    shortName: '汉滨区财政局',
    kind: 'department',
    parent: 'hanbin',
    head: { username: 'hbczj_head', name: '曹永平', position: '局长' },
    clerk: { username: 'hbczj_clerk', name: '彭丽' },
  },
  { code: 'shiquan', name: '石泉县人民政府', shortName: '石泉县政府', kind: 'county', parent: 'ankang' },
  {
    code: 'shiquan-office',
    name: '石泉县人民政府办公室',
    shortName: '石泉县政府办',
    kind: 'office',
    parent: 'shiquan',
    head: { username: 'shiquan_head', name: '蒋海波', position: '主任' },
    clerk: { username: 'shiquan_clerk', name: '蔡雪' },
  },
  {
    code: 'shiquan-zjj',
    name: '石泉县住房和城乡建设局',
    shortName: '石泉县住建局',
    kind: 'department',
    parent: 'shiquan',
    head: { username: 'sqzjj_head', name: '袁明', position: '局长' },
    clerk: { username: 'sqzjj_clerk', name: '潘悦' },
  },
];

export const DEMO_GROUPS: { code: string; name: string; org: string | null }[] = [
  { code: 'city-leaders', name: '市政府领导', org: 'ankang' },
  { code: 'office-clerks', name: '市政府办公室文书', org: 'ankang-office' },
  { code: 'office-leaders', name: '市政府办公室领导', org: 'ankang-office' },
  { code: 'dept-heads', name: '各部门负责人', org: null },
  { code: 'dept-clerks', name: '各部门文书', org: null },
];

/** 涉密等级 of the demo city (issue #15); everyone else is 非涉密人员. */
export const DEMO_CLEARANCES: Record<string, Clearance> = { clerk: 'important', head: 'core', deputy: 'core', mayor: 'core' };

/** The fixed demo users of every role; all share the demo password. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', name: '王建国', org: 'ankang-office', position: '流程管理员', roles: ['workflow_admin'], groups: [] },
  { username: 'sysadmin', name: '李伟', org: 'ankang-office', position: '系统管理员', roles: ['system_admin'], groups: [] },
  { username: 'secadmin', name: '赵敏', org: 'ankang-office', position: '安全保密管理员', roles: ['security_admin'], groups: [] },
  { username: 'auditor', name: '孙丽', org: 'ankang-office', position: '安全审计员', roles: ['auditor'], groups: [] },
  { username: 'clerk', name: '张晓明', org: 'ankang-office', position: '文书', roles: ['clerk'], groups: ['office-clerks'] },
  { username: 'staff', name: '陈静', org: 'ankang-office', position: '科员', roles: [], groups: [] },
  { username: 'head', name: '刘洋', org: 'ankang-office', position: '主任', roles: ['leader'], groups: ['office-leaders'] },
  { username: 'deputy', name: '周建华', org: 'ankang', position: '副市长', roles: ['leader'], groups: ['city-leaders'] },
  { username: 'mayor', name: '吴国强', org: 'ankang', position: '市长', roles: ['leader'], groups: ['city-leaders'] },
  ...DEMO_ORGS.flatMap((o): DemoUser[] => [
    ...(o.head
      ? [
          {
            username: o.head.username,
            name: o.head.name,
            org: o.code,
            position: o.head.position,
            roles: ['leader'] as Role[],
            groups: ['dept-heads'],
          },
        ]
      : []),
    ...(o.clerk
      ? [
          {
            username: o.clerk.username,
            name: o.clerk.name,
            org: o.code,
            position: '文书',
            roles: ['clerk'] as Role[],
            groups: ['dept-clerks'],
          },
        ]
      : []),
  ]),
];
