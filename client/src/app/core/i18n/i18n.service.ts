import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { EN } from './en';
import { Dictionary, TranslationKey, ZH_CN } from './zh-cn';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'liuzhuan.lang';

const DICTIONARIES: Record<Lang, Dictionary> = { 'zh-CN': ZH_CN, en: EN };
const ZORRO_LOCALES = { 'zh-CN': zh_CN, en: en_US } as const;

/**
 * Runtime language switch: Chinese first, English available. The choice is kept in
 * localStorage so it survives sign-out and reloads; ng-zorro's locale and `<html lang>` follow.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly nzI18n = inject(NzI18nService);
  private readonly current = signal<Lang>(readStoredLang(this.document));

  readonly lang = this.current.asReadonly();
  readonly isChinese = computed(() => this.current() === 'zh-CN');
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  constructor() {
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
    this.nzI18n.setLocale(ZORRO_LOCALES[lang]);
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
