import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';
import { DesignerI18n } from './designer-i18n';

/** A page that may hold work not yet deployed or exported. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Asks before discarding unsaved work; resolves true to go ahead. */
export function confirmDiscard(modal: NzModalService, texts: DesignerI18n): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    modal.confirm({
      nzTitle: texts.t('designer.discard.title'),
      nzContent: texts.t('designer.discard.content'),
      nzOkText: texts.t('designer.discard.ok'),
      nzOkDanger: true,
      nzCancelText: texts.t('designer.discard.cancel'),
      nzOnOk: () => resolve(true),
      nzOnCancel: () => resolve(false),
    });
  });
}

/** Leaving the designer with unsaved changes asks first (the browser's own prompt covers reloads). */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page.hasUnsavedChanges() || confirmDiscard(inject(NzModalService), inject(DesignerI18n));
