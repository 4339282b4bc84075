import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ApiKey } from '@liuzhuan/contracts';
import { ApiKeyListComponent } from './api-key-list.component';
import { apiKeyStatus, expiryFromDate, parseTopics } from './api-key-model';

const ARCHIVE: ApiKey = {
  id: '01m8f2cfmb4d8ms8m3thz4rak0',
  name: '档案系统',
  topics: ['archive'],
  expiresAt: '2099-01-01T00:00:00.000Z',
  createdBy: 'sysadmin',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};
const OLD: ApiKey = { ...ARCHIVE, id: '01m8f2cfmb4d8ms8m3thz4rak1', name: '旧系统', revokedAt: '2026-02-01T00:00:00.000Z' };

describe('api key model', () => {
  it('should read topics separated by commas or spaces, and * alone for all', () => {
    expect(parseTopics(' archive, notify，archive  sms ')).toEqual(['archive', 'notify', 'sms']);
    expect(parseTopics('archive, *')).toEqual(['*']);
    expect(parseTopics(' , ')).toEqual([]);
  });

  it('should take the end of the chosen day as the expiry, and tell the status', () => {
    const iso = expiryFromDate('2027-03-04') as string;
    expect(new Date(iso).getDate()).toBe(4);
    expect(new Date(iso).getHours()).toBe(23);
    expect(expiryFromDate('tomorrow')).toBeNull();
    expect([apiKeyStatus(ARCHIVE), apiKeyStatus(OLD), apiKeyStatus({ ...ARCHIVE, expiresAt: '2000-01-01T00:00:00Z' })]).toEqual([
      'active',
      'revoked',
      'expired',
    ]);
  });
});

describe('ApiKeyListComponent', () => {
  let fixture: ComponentFixture<ApiKeyListComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ApiKeyListComponent);
    fixture.detectChanges();
    await settle();
    http.expectOne((r) => r.url === '/api/api-keys' && r.method === 'GET').flush({ items: [ARCHIVE, OLD] });
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('should list the keys with their topics and status, offering revoke only for live ones', async () => {
    const root = await render();
    const live = root.querySelector(`tr[data-api-key="${ARCHIVE.id}"]`) as HTMLElement;
    const revoked = root.querySelector(`tr[data-api-key="${OLD.id}"]`) as HTMLElement;
    expect(live.textContent).toContain('archive');
    expect(live.querySelector('[data-testid="api-key-status"]')?.textContent?.trim()).toBe('有效');
    expect(revoked.querySelector('[data-testid="api-key-status"]')?.textContent?.trim()).toBe('已吊销');
    expect(live.querySelector('[data-action="revoke-api-key"]')).not.toBeNull();
    expect(revoked.querySelector('[data-action="revoke-api-key"]')).toBeNull();
  });

  it('should issue a key with its topics and expiry, and show the key once with a warning', async () => {
    // Given the issue form filled in
    const root = await render();
    (root.querySelector('[data-action="add-api-key"]') as HTMLButtonElement).click();
    await settle();
    const form = document.querySelector('[data-testid="api-key-form"]') as HTMLFormElement;
    type(form.querySelector('#api-key-name') as HTMLInputElement, '电子档案');
    type(form.querySelector('#api-key-topics') as HTMLInputElement, 'archive, notify');
    type(form.querySelector('#api-key-expires') as HTMLInputElement, '2027-03-04');
    await settle();
    // When it is submitted
    form.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne((r) => r.url === '/api/api-keys' && r.method === 'POST');
    expect(request.request.body).toEqual({ name: '电子档案', topics: ['archive', 'notify'], expiresAt: expiryFromDate('2027-03-04') });
    const key = `lzk_${ARCHIVE.id}_${'s'.repeat(43)}`;
    request.flush({ ...ARCHIVE, name: '电子档案', key });
    await settle();
    http.expectOne((r) => r.url === '/api/api-keys' && r.method === 'GET').flush({ items: [ARCHIVE] });
    await settle();
    // Then the key is shown, with the warning that it will not be shown again
    const shown = document.querySelector('[data-testid="issued-api-key"]') as HTMLElement;
    expect((shown.querySelector('[data-testid="issued-key"]') as HTMLInputElement).value).toBe(key);
    expect(shown.textContent).toContain('无法再次查看');
    // and once closed, the page keeps it nowhere
    (shown.querySelector('[data-action="close-issued"]') as HTMLButtonElement).click();
    await settle();
    expect((fixture.componentInstance as unknown as { issued(): unknown }).issued()).toBeNull();
    expect(root.innerHTML).not.toContain(key);
  });
});
