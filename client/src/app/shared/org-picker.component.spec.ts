import type { EligibleOrg, EligiblePerson } from '@liuzhuan/contracts';
import { pickerMatches } from './org-picker.component';

const zjj: EligibleOrg = {
  id: 'o-zjj',
  parentId: 'o-gov',
  code: 'zjj',
  name: '安康市住房和城乡建设局',
  shortName: '市住建局',
  kind: 'department',
  sortOrder: 3,
  keys: 'ankangshizhufanghechengxiangjianshejv akszfhcxjsj 安康市住房和城乡建设局 shizhujianju szjj 市住建局 zjj',
};
const head: EligiblePerson = {
  username: 'zjj_head',
  displayName: '马文斌',
  pinyin: 'mawenbin',
  initials: 'mwb',
  position: '局长',
  orgId: 'o-zjj',
};

describe('pickerMatches', () => {
  it.each(['住建', 'zjj', 'ZJJ', 'szjj', 'zhujian', '住房和城乡', '马文', 'mwb', 'mawen', '局长', ''])(
    'should find the head of 市住建局 when typing %p',
    (query) => {
      // Given the head of 市住建局 with the organization's keys from the server
      // When the query is matched
      // Then it is found
      expect(pickerMatches(query, head, zjj)).toBe(true);
    },
  );

  it.each(['财政', 'czj', 'wgq', '吴'])('should not find the head of 市住建局 when typing %p', (query) => {
    // Given / When / Then
    expect(pickerMatches(query, head, zjj)).toBe(false);
  });
});
