import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import LetterPage from './letter.page';

describe('LetterPage', () => {
  let fixture: ComponentFixture<LetterPage>;
  let root: HTMLElement;
  let http: HttpTestingController;
  const captcha = (id: string) => ({
    required: true,
    id,
    image: `data:image/svg+xml;base64,${btoa('<svg/>')}`,
    expiresAt: '2026-01-01T00:05:00Z',
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function type(selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LetterPage);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/public/captcha').flush(captcha('01aaaaaaaaaaaaaaaaaaaaaaaa'));
    await settle();
  });

  afterEach(() => http.verify());

  it('should show the server-drawn captcha and fetch a new one on refresh', async () => {
    // given the page with its first captcha
    expect(root.querySelector<HTMLImageElement>('.letter-captcha-image')?.src).toContain('data:image/svg+xml;base64,');
    // when the writer asks for another
    root.querySelector<HTMLButtonElement>('.letter-captcha-refresh')?.click();
    http.expectOne('/api/public/captcha').flush(captcha('01bbbbbbbbbbbbbbbbbbbbbbbb'));
    await settle();
    // then the new one is shown
    expect(root.querySelector('.letter-captcha-image')).not.toBeNull();
  });

  it('should send the letter with the captcha and its answer, then show the query code once', async () => {
    // given a filled form
    type('#letter-subject', '路灯不亮');
    type('#letter-content', '小区门口路灯坏了。');
    type('#letter-name', '陈立');
    type('#letter-phone', '13800138000');
    type('#letter-captcha', 'k7m2');
    // when it is sent
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/public/letters');
    // then
    expect(request.request.body).toMatchObject({
      subject: '路灯不亮',
      phone: '13800138000',
      captchaId: '01aaaaaaaaaaaaaaaaaaaaaaaa',
      captchaAnswer: 'k7m2',
    });
    expect(request.request.body).not.toHaveProperty('idNumber');
    request.flush({ queryCode: 'ABCDEFGHIJKLMNOPQRST', submittedAt: '2026-01-01T00:00:00Z' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(root.querySelector('[data-testid="query-code"]')?.textContent).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('should say a wrong captcha is wrong and draw a new one', async () => {
    // given a filled form with a wrong answer
    type('#letter-subject', '路灯不亮');
    type('#letter-content', '小区门口路灯坏了。');
    type('#letter-name', '陈立');
    type('#letter-phone', '13800138000');
    type('#letter-captcha', 'XXXX');
    // when the server refuses it
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    http
      .expectOne('/api/public/letters')
      .flush({ code: 'CAPTCHA_INVALID', message: 'wrong' }, { status: 422, statusText: 'Unprocessable' });
    await settle();
    // then the writer reads why, and gets a fresh captcha
    http.expectOne('/api/public/captcha').flush(captcha('01cccccccccccccccccccccccc'));
    await settle();
    expect(root.textContent).toContain('验证码错误或已过期');
  });

  it('should not send a letter without the captcha answer', async () => {
    type('#letter-subject', '路灯不亮');
    type('#letter-content', '小区门口路灯坏了。');
    type('#letter-name', '陈立');
    type('#letter-phone', '13800138000');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    http.expectNone('/api/public/letters');
  });
});
