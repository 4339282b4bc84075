import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '../i18n/i18n.service';
import { apiErrorText } from './api-error';

function apiFailure(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/x' });
}

describe('apiErrorText', () => {
  let i18n: I18nService;

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  it('should show the Chinese text of the code when the language is Chinese', () => {
    // Given an API error with a known code
    const error = apiFailure(401, { code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid credentials' });
    // When it is turned into text, then the Chinese text of the code is used
    expect(apiErrorText(error, i18n)).toBe('用户名或密码错误');
  });

  it('should show the API message when the language is English', () => {
    // Given English and an API error
    i18n.use('en');
    const error = apiFailure(401, { code: 'AUTH_ACCOUNT_LOCKED', message: 'Account locked' });
    // When it is turned into text, then the English API message is used
    expect(apiErrorText(error, i18n)).toBe('Account locked');
  });

  it('should show a generic text when the code is unknown', () => {
    // Given a code the client does not know yet
    const error = apiFailure(409, { code: 'SOMETHING_NEW', message: 'New thing' });
    // When it is turned into text, then a generic Chinese text is used
    expect(apiErrorText(error, i18n)).toBe('操作失败，请稍后重试');
  });

  it('should say the server is unreachable when the request never got an answer', () => {
    // Given a network failure (status 0)
    const error = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    // When it is turned into text, then the network text is used
    expect(apiErrorText(error, i18n)).toBe('无法连接到服务器，请检查网络后重试');
  });
});
