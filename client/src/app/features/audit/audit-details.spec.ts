import { AUDIT_EVENT_TYPE_CODES, ROLE_LABELS_ZH } from '@liuzhuan/contracts';
import { beijingTime, detailEntries, errorMessage, eventLabel, TARGET_TYPE_LABELS, targetTypeLabel } from './audit-details';

const CHINESE = /[\u4e00-\u9fff]/;
const pairs = (eventType: string, details: Record<string, unknown>) => detailEntries({ eventType, details }).map((e) => [e.label, e.value]);

describe('audit details in Chinese', () => {
  it('should give every event type of the contract a Chinese label', () => {
    // a code added to libs/contracts/src/audit.ts without a Chinese label fails here
    const missing = AUDIT_EVENT_TYPE_CODES.filter((code) => eventLabel(code) === code || !CHINESE.test(eventLabel(code)));
    expect(missing).toEqual([]);
  });

  it('should give every target type the producers record a Chinese label', () => {
    // the target types of docs/audit.md
    const types = [
      'user',
      'org',
      'document',
      'apikey',
      'instance',
      'definition',
      'task',
      'calendar',
      'job',
      'message',
      'signal',
      'session',
      'route',
    ];
    expect(types.filter((t) => !CHINESE.test(targetTypeLabel(t)))).toEqual([]);
    expect(Object.keys(TARGET_TYPE_LABELS).sort()).toEqual([...types].sort());
  });

  it('should translate the true reason of a refused sign-in', () => {
    expect(pairs('auth.login.failure', { reason: 'unknown_user' })).toEqual([['原因', '用户不存在']]);
    expect(pairs('auth.login.failure', { reason: 'wrong_password', failures: 3 })).toEqual([
      ['原因', '密码错误'],
      ['失败次数', '3'],
    ]);
    expect(pairs('auth.login.failure', { reason: 'locked' })).toEqual([['原因', '账户已锁定']]);
    expect(pairs('auth.login.failure', { reason: 'disabled' })).toEqual([['原因', '账户已停用']]);
  });

  it('should keep a reason typed by an admin as typed', () => {
    expect(pairs('instance.cancel', { reason: '重复发起' })).toEqual([['原因', '重复发起']]);
  });

  it('should name roles, 密级 and clearances in Chinese, and times in Beijing time', () => {
    expect(pairs('user.roles.change', { username: 'staff', added: ['clerk'], removed: [] })).toEqual([
      ['用户名', 'staff'],
      ['增加', ROLE_LABELS_ZH.clerk],
      ['移除', '（无）'],
    ]);
    expect(pairs('classification.change', { from: 'NONE', to: 'SECRET' })).toEqual([
      ['原密级', '非密'],
      ['新密级', '秘密'],
    ]);
    expect(pairs('user.clearance.change', { from: 'none', to: 'core' })).toEqual([
      ['原人员密级', '非涉密人员'],
      ['新人员密级', '核心涉密人员'],
    ]);
    expect(pairs('auth.login.locked', { lockedUntil: '2026-12-07T16:30:00.000Z' })).toEqual([['锁定至', '2026-12-08 00:30:00']]);
  });

  it('should render nested details, booleans and event codes in words', () => {
    expect(
      pairs('audit.search', { scope: 'all', filter: { eventType: 'auth.login.failure', from: '2026-12-06T16:00:00.000Z' }, total: 2 }),
    ).toEqual([
      ['范围', '全部事件'],
      ['查询条件', '事件类型：登录失败；起始时间：2026-12-07 00:00:00'],
      ['匹配条数', '2'],
    ]);
    expect(pairs('access.denied', { attempted: 'user.roles.change', required: ['security_admin'] })).toEqual([
      ['尝试的操作', '变更角色'],
      ['所需角色', '安全保密管理员'],
    ]);
    expect(pairs('auth.unlock', { wasLocked: true })).toEqual([['原已锁定', '是']]);
    expect(pairs('audit.export', { filter: {} })).toEqual([['查询条件', '（无）']]);
  });

  it('should fall back to the raw key and value for what it does not know', () => {
    expect(pairs('auth.login.failure', { somethingNew: 'x_y', reason: 'brand_new_reason' })).toEqual([
      ['somethingNew', 'x_y'],
      ['原因', 'brand_new_reason'],
    ]);
    expect(eventLabel('no.such.event')).toBe('no.such.event');
  });

  it('should give an error code its Chinese message where there is one', () => {
    expect(errorMessage('AUTH_INVALID_CREDENTIALS')).toMatch(CHINESE);
    expect(errorMessage('NOT_A_CODE')).toBeNull();
  });

  it('should write a time in Beijing time whatever the zone it was given in', () => {
    expect(beijingTime('2026-12-07T02:30:00.000Z')).toBe('2026-12-07 10:30:00');
    expect(beijingTime('2026-12-07T23:59:59+08:00')).toBe('2026-12-07 23:59:59');
  });
});
