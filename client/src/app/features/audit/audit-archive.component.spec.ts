import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import zh from '@angular/common/locales/zh';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AuditAnchor } from '@liuzhuan/contracts';
import { AuditArchiveComponent, cutOffOf, shortDigest } from './audit-archive.component';

registerLocaleData(zh);

const ANCHOR: AuditAnchor = {
  id: '01jarchiveanchor000000001',
  seq: 120,
  hash: 'cd'.repeat(32),
  at: '2026-01-02T03:04:05.000Z',
  archivedFromSeq: 1,
  archivedCount: 120,
  archivedBefore: '2026-05-01T00:00:00.000Z',
  fileDigest: '0123456789abcdef'.repeat(4),
  fileName: 'audit-archive-1-120.jsonl',
  fileSize: 4096,
  createdBy: 'auditor',
  createdAt: '2026-12-01T02:00:00.000Z',
};

describe('AuditArchiveComponent', () => {
  let fixture: ComponentFixture<AuditArchiveComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditArchiveComponent);
    fixture.detectChanges();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('should list the anchors with their range, count and a shortened digest, and state the 180-day rule', async () => {
    // given
    http.expectOne('/api/audit/anchors').flush({ items: [ANCHOR], retentionDays: 180 });
    // when
    await settle();
    // then
    expect(text()).toContain('至少保存 180 天（《网络安全法》第二十一条）');
    const row = (fixture.nativeElement as HTMLElement).querySelector(`[data-anchor-id="${ANCHOR.id}"]`);
    expect(row?.textContent).toContain('第 1–120 条');
    expect(row?.textContent).toContain('01234567…89abcdef');
    expect(text()).toContain('当前审计链从第 121 条起校验');
  });

  it('should show the server’s refusal of an archive in Chinese', async () => {
    // given
    http.expectOne('/api/audit/anchors').flush({ items: [], retentionDays: 180 });
    await settle();
    const component = fixture.componentInstance as unknown as { before: { set(d: Date): void }; archive(): Promise<void> };
    component.before.set(new Date(2026, 0, 15));
    // when
    const done = component.archive();
    const request = http.expectOne('/api/audit/archive');
    expect(request.request.body).toEqual({ before: new Date(2026, 0, 15).toISOString() });
    request.flush({ code: 'AUDIT_RETENTION', message: 'Events are kept at least 180 days' }, { status: 422, statusText: 'Unprocessable' });
    await done;
    await settle();
    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="archive-error"]')?.textContent).toContain(
      '审计日志须至少保存 180 天',
    );
  });

  it('should tell a broken archive file by the row it names', async () => {
    // given
    http.expectOne('/api/audit/anchors').flush({ items: [ANCHOR], retentionDays: 180 });
    await settle();
    // when
    ((fixture.nativeElement as HTMLElement).querySelector('[data-action="verify-anchor"]') as HTMLButtonElement).click();
    http
      .expectOne(`/api/audit/anchors/${ANCHOR.id}/verify`)
      .flush({ ok: false, checked: 6, firstBrokenSeq: 7, fromSeq: 1, anchorId: ANCHOR.id, digestOk: false });
    await settle();
    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="anchor-check"]')?.textContent).toContain('第 7 条被改动');
  });

  it('should cut off at the chosen day’s midnight and shorten only long digests', () => {
    expect(cutOffOf(new Date(2026, 4, 3, 15, 30)).getTime()).toBe(new Date(2026, 4, 3).getTime());
    expect(shortDigest('abc')).toBe('abc');
  });
});
