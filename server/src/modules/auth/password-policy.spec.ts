import { generatePassword, meetsPasswordPolicy } from './password-policy';

describe('password policy', () => {
  it.each([
    ['Gov#2026pa', true, 'ten characters, four classes'],
    ['Gov#2026p', false, 'nine characters'],
    ['govpass2026x', false, 'two classes'],
    ['Govpass2026x', true, 'three classes without a symbol'],
    ['Xx-clerk-2026', false, 'contains the username'],
    ['Xx-CLERK-2026', false, 'contains the username in another case'],
  ])('should judge %s (%s)', (password, ok) => {
    expect(meetsPasswordPolicy(password, 'clerk')).toBe(ok);
  });

  it('should generate different passwords that meet the rule', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword('ab');
      expect(meetsPasswordPolicy(p, 'ab')).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});
