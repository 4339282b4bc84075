import { signal } from '@angular/core';
import { apiErrorText, toApiError } from '../../core/http/api-error';
import type { I18nService } from '../../core/i18n/i18n.service';
import { serverViolations, type FieldViolation } from './field-violations';
import type { DocsI18n } from './documents-i18n';

/**
 * The submit state the 收文登记 and 拟稿 forms share: whether a submit was tried, whether it is
 * being saved, and the server's refusal (its message and its per-field details) until the next try.
 */
export class FormSubmission {
  readonly submitted = signal(false);
  readonly saving = signal(false);
  readonly serverErrors = signal<readonly FieldViolation[]>([]);
  private readonly serverFailure = signal<string | null>(null);

  /** The summary above the buttons: the server's refusal, or how many fields still need changes. */
  summary(invalidCount: number, i18n: DocsI18n): string | null {
    const server = this.serverFailure();
    if (server) return server;
    if (!this.submitted()) return null;
    return invalidCount > 0 ? i18n.t('docs.invalid', { count: invalidCount }) : null;
  }

  /** Marks the try and runs `save`, unless `blocked()` says the form must be fixed first; `focus` shows where. */
  async run(blocked: () => boolean, focus: () => void, i18n: I18nService, save: () => Promise<void>): Promise<void> {
    if (this.saving()) return;
    this.submitted.set(true);
    this.serverErrors.set([]);
    this.serverFailure.set(null);
    if (blocked()) {
      focus();
      return;
    }
    this.saving.set(true);
    try {
      await save();
    } catch (error) {
      // the server refused: its details go to the fields, its message above the buttons
      this.serverErrors.set(serverViolations(toApiError(error)?.details));
      this.serverFailure.set(apiErrorText(error, i18n));
      focus();
    } finally {
      this.saving.set(false);
    }
  }
}
