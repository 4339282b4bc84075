import { requiresSecondFactor } from './second-factor.policy';
import { generateRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { TotpFactor } from './totp-factor';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TotpFactor', () => {
  const totp = new TotpFactor();

  it('should accept the RFC 6238 test vectors (SHA-1, last 6 digits) and name their time step', async () => {
    expect(await totp.verify(RFC_SECRET, '287082', 59_000)).toBe(1);
    expect(await totp.verify(RFC_SECRET, '081804', 1_111_111_109_000)).toBe(37_037_036);
    expect(await totp.verify(RFC_SECRET, '005924', 1_234_567_890_000)).toBe(41_152_263);
  });

  it('should accept one step of drift either way and nothing further', async () => {
    // 287082 is the code of step 1 (30–59 s)
    expect(await totp.verify(RFC_SECRET, '287082', 89_000)).toBe(1);
    expect(await totp.verify(RFC_SECRET, '287082', 29_000)).toBe(1);
    expect(await totp.verify(RFC_SECRET, '287082', 91_000)).toBeNull();
    expect(await totp.verify(RFC_SECRET, '287083', 59_000)).toBeNull();
    expect(await totp.verify(RFC_SECRET, '28708', 59_000)).toBeNull();
  });

  it('should begin with a 160-bit secret, its otpauth URL and a QR code', async () => {
    const { secret, enrolment } = await totp.begin('auditor');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUrl).toContain(`secret=${secret}`);
    expect(enrolment.otpauthUrl).toContain('auditor');
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});

describe('second factor policy and recovery codes', () => {
  it('should require a factor of the admins always and of leaders only when configured', () => {
    for (const role of ['system_admin', 'security_admin', 'auditor', 'workflow_admin'])
      expect(requiresSecondFactor([role], false)).toBe(true);
    expect(requiresSecondFactor(['leader'], false)).toBe(false);
    expect(requiresSecondFactor(['leader'], true)).toBe(true);
    expect(requiresSecondFactor(['clerk'], true)).toBe(false);
    expect(requiresSecondFactor([], true)).toBe(false);
  });

  it('should make ten distinct codes and hash them per user, whatever the case and dashes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(' AbCdE-fGhJk ')).toBe('abcdefghjk');
    expect(recoveryCodeHash('u1', codes[0].toUpperCase())).toBe(recoveryCodeHash('u1', codes[0]));
    expect(recoveryCodeHash('u2', codes[0])).not.toBe(recoveryCodeHash('u1', codes[0]));
  });
});
