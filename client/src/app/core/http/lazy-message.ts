import { Injector } from '@angular/core';

/**
 * ng-zorro's message (a toast on a CDK overlay) loaded when there is first something to say:
 * the interceptors run on the sign-in page too, and the overlay would otherwise be part of the
 * first load of every visitor.
 */
export function showMessage(injector: Injector, type: 'error' | 'warning', text: string): Promise<void> {
  return import('ng-zorro-antd/message').then(({ NzMessageService }) => {
    injector.get(NzMessageService)[type](text);
  });
}
