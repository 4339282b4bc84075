import type { CanDeactivateFn } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';
import { I18nService } from '../../core/i18n/i18n.service';

/** A page that may hold text not yet submitted (a task's opinion or form). */
export interface HasUnsentText {
  hasUnsentText(): boolean;
  /** Asks the user (the page holds the modal service: a guard's injector may not have one). */
  confirmLeave(): Promise<boolean>;
}

/** Asks before leaving a page with unsent text; resolves true to go. */
export function confirmLeave(modal: NzModalService, i18n: I18nService): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    modal.confirm({
      nzTitle: i18n.t('state.leaveTitle'),
      nzContent: i18n.t('state.leaveContent'),
      nzOkText: i18n.t('state.leaveOk'),
      nzCancelText: i18n.t('state.leaveCancel'),
      nzOnOk: () => resolve(true),
      nzOnCancel: () => resolve(false),
    });
  });
}

/**
 * Leaving a page with unsent text asks first (in the app; a reload keeps the text as a local
 * draft instead: DraftStore). The designer's unsaved-changes guard does the same for models.
 */
export const unsentTextGuard: CanDeactivateFn<HasUnsentText> = (page) => !page?.hasUnsentText?.() || page.confirmLeave();
