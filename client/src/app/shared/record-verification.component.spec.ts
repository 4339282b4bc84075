import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DocumentSignature, RecordVerification } from '@liuzhuan/contracts';
import { RecordVerificationComponent, signatureTag, verificationTag } from './record-verification.component';

const SIGNATURE: DocumentSignature = {
  id: 'sig-1',
  signer: 'mayor',
  signerName: '吴国强',
  onBehalfOf: null,
  onBehalfOfName: null,
  signedAt: '2026-11-20T02:30:00.000Z',
  versionDigest: 'a'.repeat(64),
  current: true,
  algorithm: 'SM2-SM3',
  valid: true,
};

describe('verificationTag', () => {
  it('should show 记录完整 for an intact record, with the unprotected legacy rows in the hint', () => {
    expect(verificationTag({ ok: true, checked: 12, legacy: 0 })).toEqual({ color: 'green', key: 'verify.ok', hint: null });
    expect(verificationTag({ ok: true, checked: 3, legacy: 7 })).toEqual({
      color: 'green',
      key: 'verify.ok',
      hint: 'verify.legacy',
      hintParams: { count: 7 },
    });
  });

  it('should name the first altered row: a history entry, an opinion, a version, or the current text', () => {
    const broken = (firstBroken: RecordVerification['firstBroken']) => verificationTag({ ok: false, checked: 1, legacy: 0, firstBroken });
    expect(broken({ kind: 'history', id: 'i', seq: 3 })).toMatchObject({ color: 'red', key: 'verify.broken', params: { n: 3 } });
    expect(broken({ kind: 'opinion', id: 'o', seq: 2 })).toMatchObject({ color: 'red', key: 'verify.brokenOpinion', params: { n: 2 } });
    expect(broken({ kind: 'version', id: 'd', seq: 1 })).toMatchObject({ color: 'red', key: 'verify.brokenVersion', params: { n: 1 } });
    expect(broken({ kind: 'document', id: 'd' })).toMatchObject({ color: 'red', key: 'verify.brokenCurrent' });
  });

  it('should show nothing before an answer and 无法校验 when the check failed', () => {
    expect(verificationTag(null)).toBeNull();
    expect(verificationTag('failed')).toMatchObject({ key: 'verify.failed', color: 'default' });
  });
});

describe('signatureTag', () => {
  const at = (iso: string) => iso.slice(0, 10);

  it('should show 已验证 for a signature that verifies, naming the signer and the time', () => {
    expect(signatureTag(SIGNATURE, at)).toEqual({
      color: 'green',
      key: 'verify.signed',
      hint: 'verify.signedHint',
      hintParams: { signer: '吴国强', at: '2026-11-20' },
    });
  });

  it('should show 验证失败 for one that does not, and name a deputy with the principal', () => {
    expect(signatureTag({ ...SIGNATURE, valid: false }, at)).toMatchObject({ color: 'red', key: 'verify.signatureFailed' });
    expect(signatureTag({ ...SIGNATURE, onBehalfOf: 'deputy', onBehalfOfName: '李副市长' }, at).hintParams).toEqual({
      signer: '吴国强（代李副市长）',
      at: '2026-11-20',
    });
  });
});

describe('RecordVerificationComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(kind: 'instance' | 'document', id: string, answer: RecordVerification | 'error'): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(RecordVerificationComponent);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('recordId', id);
    fixture.detectChanges();
    const request = http.expectOne(`/api/${kind === 'instance' ? 'instances' : 'documents'}/${id}/verify`);
    if (answer === 'error') request.flush({ code: 'INSTANCE_NOT_FOUND', message: '未找到' }, { status: 404, statusText: 'Not Found' });
    else request.flush(answer);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show 记录完整 for an instance whose chains verify', async () => {
    const root = await render('instance', 'inst-1', { ok: true, checked: 9, legacy: 0 });
    const tag = root.querySelector('.record-verification');
    expect(tag?.textContent?.trim()).toBe('记录完整');
    expect(tag?.getAttribute('data-state')).toBe('green');
  });

  it('should show 记录被改动（第 N 条） naming the altered history entry', async () => {
    const root = await render('instance', 'inst-2', {
      ok: false,
      checked: 2,
      legacy: 0,
      firstBroken: { kind: 'history', id: 'inst-2', seq: 3 },
    });
    const tag = root.querySelector('.record-verification');
    expect(tag?.textContent?.trim()).toBe('记录被改动（第 3 条）');
    expect(tag?.getAttribute('data-state')).toBe('red');
  });

  it("should name a document's altered version, and say when it cannot verify", async () => {
    const broken = await render('document', 'doc-1', {
      ok: false,
      checked: 1,
      legacy: 0,
      firstBroken: { kind: 'version', id: 'doc-1', seq: 2 },
    });
    expect(broken.querySelector('.record-verification')?.textContent?.trim()).toBe('记录被改动（第 2 版）');
    const failed = await render('document', 'doc-2', 'error');
    expect(failed.querySelector('.record-verification')?.textContent?.trim()).toBe('无法校验');
  });

  async function renderSignature(signature: DocumentSignature): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(RecordVerificationComponent);
    fixture.componentRef.setInput('signature', signature);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show a 签发 signature as the server verified it, asking nothing more', async () => {
    // given the signatures the server listed; when each is shown; then no request is made (http.verify)
    const ok = (await renderSignature(SIGNATURE)).querySelector('.record-verification');
    expect(ok?.textContent?.trim()).toBe('已验证');
    expect(ok?.getAttribute('data-state')).toBe('green');
    expect(ok?.classList).toContain('signature-verification');
    const bad = (await renderSignature({ ...SIGNATURE, id: 'sig-2', valid: false })).querySelector('.record-verification');
    expect(bad?.textContent?.trim()).toBe('验证失败');
    expect(bad?.getAttribute('data-state')).toBe('red');
  });
});
