import { DOCUMENT, DestroyRef, Injectable, Injector, computed, inject, signal } from '@angular/core';
import { EN } from './en';
import { Dictionary, TranslationKey, ZH_CN } from './zh-cn';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'liuzhuan.lang';

const DICTIONARIES: Record<Lang, Dictionary> = { 'zh-CN': ZH_CN, en: EN };

/**
 * Runtime language switch: Chinese first, English available. The choice is kept in
 * localStorage so it survives sign-out and reloads; ng-zorro's locale and `<html lang>` follow.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  /** Whether ng-zorro's locale was ever set here (see `apply`). */
  private zorroLocaleSet = false;
  private destroyed = false;
  private readonly current = signal<Lang>(readStoredLang(this.document));

  readonly lang = this.current.asReadonly();
  readonly isChinese = computed(() => this.current() === 'zh-CN');
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    this.apply(this.current());
  }

  t(key: TranslationKey, params?: Record<string, string | number>): string {
    const text = this.dictionary()[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  }

  use(lang: Lang): void {
    this.current.set(lang);
    this.apply(lang);
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled by browser policy on locked-down office PCs; the switch still works for this page.
    }
  }

  toggle(): void {
    this.use(this.current() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  private apply(lang: Lang): void {
    this.document.documentElement.lang = lang;
    // ng-zorro's own texts (pagination, pickers) follow. Its default locale is zh_CN, so Chinese
    // needs nothing at start: ng-zorro's i18n (with date-fns) then stays out of the sign-in page's load.
    if (lang === 'zh-CN' && !this.zorroLocaleSet) return;
    this.zorroLocaleSet = true;
    void import('ng-zorro-antd/i18n').then(({ NzI18nService, en_US, zh_CN }) => {
      if (!this.destroyed) this.injector.get(NzI18nService).setLocale(this.current() === 'en' ? en_US : zh_CN);
    });
  }
}

function readStoredLang(document: Document): Lang {
  try {
    const stored = document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
    return LANGS.includes(stored as Lang) ? (stored as Lang) : 'zh-CN';
  } catch {
    // See `use()`: without storage we fall back to the default language.
    return 'zh-CN';
  }
}
