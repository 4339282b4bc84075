import { maskAddress, maskName, maskPersonalData } from './personal-data-mask';

describe('personal data masking of published replies', () => {
  const writer = { name: '欧阳小明', phone: '13812345678', idNumber: '61090219900101123X', address: '陕西省安康市汉滨区兴安路8号院2栋' };

  it('should keep only the surname of a name', () => {
    expect([maskName('张三'), maskName('王小红'), maskName('欧阳小明'), maskName('李')]).toEqual(['张*', '王**', '欧阳**', '*']);
  });

  it('should keep an address only down to its district or county', () => {
    expect(maskAddress('陕西省安康市汉滨区兴安路8号院2栋')).toBe('陕西省安康市汉滨区****');
    expect(maskAddress('石泉县城关镇东大街5号')).toBe('石泉县****');
  });

  it("should mask the writer's own data and any phone, 身份证 or house number in the text", () => {
    // given
    const text =
      '欧阳小明同志：您在兴安路8号院2栋反映的问题（电话13812345678，身份证61090219900101123X）已转市住建局，另一位市民15987654321、住新城街17号也反映了此事。地址：陕西省安康市汉滨区兴安路8号院2栋。';
    // when
    const masked = maskPersonalData(text, writer);
    // then
    expect(masked).toBe(
      '欧阳**同志：您在兴安路*号院*栋反映的问题（电话138****5678，身份证610902********123X）已转市住建局，另一位市民159****4321、住新城街**号也反映了此事。地址：陕西省安康市汉滨区****。',
    );
  });

  it('should leave a text without personal data unchanged', () => {
    expect(maskPersonalData('已列入2026年维修计划，预计12月完工。', writer)).toBe('已列入2026年维修计划，预计12月完工。');
  });
});
