import type { CalendarDay, Org } from '@liuzhuan/contracts';
import { orgTree, parseImport, separationConflict, subtreeIds, yearGrid } from './admin-model';

const org = (id: string, parentId: string | null, name: string, sortOrder = 0): Org => ({
  id,
  parentId,
  code: id,
  name,
  shortName: null,
  kind: 'department',
  sortOrder,
});

describe('admin model', () => {
  it('should lay out a year Monday-first with the listed days winning over the week', () => {
    // Given 2026 with 元旦 (a Thursday) off, a 调休 Sunday and a local holiday
    const listed: CalendarDay[] = [
      { day: '2026-01-01', kind: 'holiday', name: '元旦', source: 'statutory' },
      { day: '2026-01-04', kind: 'workday', name: '元旦调休', source: 'statutory' },
      { day: '2026-12-31', kind: 'holiday', name: '县里放假', source: 'local' },
    ];
    // When the grid is built
    const months = yearGrid(2026, listed);
    // Then there are twelve months; January 1st 2026 is a Thursday (three empty cells before it)
    expect(months.length).toBe(12);
    expect(months[0].lead).toBe(3);
    expect(months[1].days.length).toBe(28);
    const jan = months[0].days;
    expect(jan[0]).toMatchObject({ day: '2026-01-01', cls: 'holiday', working: false, local: false });
    expect(jan[3]).toMatchObject({ day: '2026-01-04', cls: 'workday', working: true });
    expect(jan[2]).toMatchObject({ day: '2026-01-03', cls: 'weekend', working: false });
    expect(jan[4]).toMatchObject({ day: '2026-01-05', cls: 'normal', working: true });
    expect(months[11].days[30]).toMatchObject({ cls: 'holiday', local: true });
    // And June 1st 2026, a Monday, starts its week
    expect(months[5].lead).toBe(0);
  });

  it('should read the notice as typed, one day a line, and point at the lines it cannot read', () => {
    const parsed = parseImport(
      '2027-01-01 休 元旦\n\n# 春节\n2027/2/7\t班\t春节调休\n2027年10月1日 放假 国庆节\n2027-02-30x 休\n2027-03-01 睡觉 无',
    );
    expect(parsed.days).toEqual([
      { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      { day: '2027-02-07', kind: 'workday', name: '春节调休' },
      { day: '2027-10-01', kind: 'holiday', name: '国庆节' },
    ]);
    expect(parsed.errors.map((e) => e.line)).toEqual([6, 7]);
  });

  it('should flatten the organization tree by order and keep a node and its descendants out of its parent choices', () => {
    const orgs = [org('b', 'a', '办公室', 2), org('a', null, '人民政府'), org('c', 'a', '财政局', 1), org('d', 'c', '预算科')];
    expect(orgTree(orgs).map((r) => `${r.depth}:${r.org.id}`)).toEqual(['0:a', '1:c', '2:d', '1:b']);
    expect([...subtreeIds(orgs, 'c')].sort()).toEqual(['c', 'd']);
  });

  it('should find a 三员分立 conflict only when two separated roles meet', () => {
    expect(separationConflict(['system_admin', 'workflow_admin'])).toEqual([]);
    expect(separationConflict(['auditor', 'system_admin'])).toEqual(['system_admin', 'auditor']);
  });
});
