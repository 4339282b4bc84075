import { TestBed } from '@angular/core/testing';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { I18nService, LANG_STORAGE_KEY } from './i18n.service';

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });
  // the choice of English must not follow into the next spec file
  afterEach(() => localStorage.clear());

  function create(): I18nService {
    return TestBed.inject(I18nService);
  }

  it('should speak Chinese and set <html lang> when nothing is stored', () => {
    // Given no stored choice
    // When the service starts
    const i18n = create();
    // Then Chinese is used everywhere
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('nav.inbox')).toBe('待办');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('zh-cn');
  });

  it('should translate, update html lang, ng-zorro locale and storage when switched to English', async () => {
    // Given the default language
    const i18n = create();
    // When the user switches to English
    i18n.use('en');
    // Then texts, the page language, the component locale and the stored choice follow
    expect(i18n.t('nav.inbox')).toBe('To do');
    expect(document.documentElement.lang).toBe('en');
    await vi.waitFor(() => expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('en'));
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('should start in English when English was chosen before', () => {
    // Given a stored choice from an earlier visit
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    // When the service starts
    const i18n = create();
    // Then it speaks English
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('shell.logout')).toBe('Sign out');
  });

  it('should fall back to Chinese when the stored value is not a known language', () => {
    // Given garbage in storage
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    // When the service starts, then Chinese is used
    expect(create().lang()).toBe('zh-CN');
  });

  it('should fill placeholders when params are given', () => {
    // Given the service
    const i18n = create();
    // When a text with a placeholder is asked for, then the value is filled in
    expect(i18n.t('app.version', { version: '1.2.3' })).toBe('版本 1.2.3');
  });

  it('should go back and forth when toggled twice', async () => {
    // Given the default language
    const i18n = create();
    // When toggled twice
    i18n.toggle();
    expect(i18n.lang()).toBe('en');
    i18n.toggle();
    // Then it is Chinese again
    expect(i18n.lang()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    await vi.waitFor(() => expect(TestBed.inject(NzI18nService).getLocaleId()).toBe('zh-cn'));
  });
});
