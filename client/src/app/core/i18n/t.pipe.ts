import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService } from './i18n.service';
import type { TranslationKey } from './zh-cn';

/**
 * `{{ 'nav.inbox' | t }}`. Impure on purpose: the text depends on the language signal, not only
 * on the key, and the signal read inside `transform` makes the view refresh when it changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }
}
