import { likeEscape, pinyinKeys } from './pinyin';

describe('pinyinKeys', () => {
  it.each([
    ['张晓明', 'zhangxiaoming', 'zxm'],
    ['曾国强', 'zengguoqiang', 'zgq'],
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['吕布', 'lvbu', 'lb'],
  ])('should spell %s as %s / %s when the surname has a special reading', (name, full, initials) => {
    // given a Chinese name / when / then
    expect(pinyinKeys(name)).toEqual({ pinyin: full, initials });
  });

  it('should escape LIKE wildcards when a user types them', () => {
    expect(likeEscape('50%_a!')).toBe('50!%!_a!!');
  });
});
