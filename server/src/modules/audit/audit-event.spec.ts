import { sm3Hex } from '../../platform/crypto/sm3';
import { canonicalForm, chainHash, detailsText, GENESIS_HASH, rowOf } from './audit-event';

describe('audit event rows', () => {
  const context = { actor: 'clerk', roles: ['leader', 'clerk', 'clerk'], ip: '10.1.2.3', userAgent: 'Mozilla/5.0' };

  it('should drop secrets and mask identifying numbers in the details, at any depth', () => {
    // when
    const text = detailsText({
      password: 'Liuzhuan@2026',
      next: { newPassword: 'x', accessToken: 't', totp: '123456', recovery_codes: ['a'], apiKeyId: 'k1' },
      phone: '13912345678',
      idNumber: '610902199001011234',
      docNumber: '安政办发〔2026〕12号',
    });
    // then
    expect(JSON.parse(text)).toEqual({
      next: { apiKeyId: 'k1' },
      phone: '139****5678',
      idNumber: '610902********1234',
      docNumber: '安政办发〔2026〕12号',
    });
  });

  it('should store what the database gives back: sorted roles, bounded and well-formed strings', () => {
    // when
    const row = rowOf(
      '01j0000000000000000000000a',
      1,
      { ...context, userAgent: `${'x'.repeat(300)}`, actor: 'a\uD800b' },
      { type: 'auth.logout' },
    );
    // then
    expect(row.roles).toBe('clerk,leader');
    expect(row.userAgent).toHaveLength(255);
    expect(row.actor).toBe('a\uFFFDb');
    expect(row).toMatchObject({ result: 'success', targetType: null, errorCode: null, details: '{}' });
  });

  it('should chain SM3 over the previous hash and the canonical form, so any column changes the hash', () => {
    // given
    const row = { ...rowOf('01j0000000000000000000000a', 1_800_000_000_000, context, { type: 'auth.logout' }), seq: 1 };
    // when
    const hash = chainHash(GENESIS_HASH, row);
    // then
    expect(hash).toBe(sm3Hex(GENESIS_HASH + canonicalForm(row)));
    expect(canonicalForm(row)).toBe(
      '[1,"01j0000000000000000000000a",1800000000000,"clerk","clerk,leader","10.1.2.3","Mozilla/5.0","auth.logout",null,null,"success",null,"{}"]',
    );
    for (const change of [{ seq: 2 }, { at: 1 }, { actor: 'x' }, { ip: null }, { result: 'failure' }, { details: '{"a":1}' }]) {
      expect(chainHash(GENESIS_HASH, { ...row, ...change })).not.toBe(hash);
    }
    expect(chainHash(hash, row)).not.toBe(hash);
  });
});
