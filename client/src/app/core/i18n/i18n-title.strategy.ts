import { DOCUMENT, Injectable, effect, inject, signal } from '@angular/core';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18nService } from './i18n.service';
import type { TranslationKey } from './zh-cn';

/** Route `title`s are dictionary keys; the tab title follows the language switch too. */
@Injectable()
export class I18nTitleStrategy extends TitleStrategy {
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18nService);
  private readonly titleKey = signal<TranslationKey | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.titleKey();
      const app = this.i18n.t('app.name');
      this.document.title = key ? `${this.i18n.t(key)} - ${app}` : this.i18n.t('app.fullTitle');
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titleKey.set(this.buildTitle(snapshot) as TranslationKey | undefined);
  }
}
