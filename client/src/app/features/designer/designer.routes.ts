import type { Route } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzModalService } from 'ng-zorro-antd/modal';
import { DESIGNER_ICONS } from './designer-icons';
import { unsavedChangesGuard } from './unsaved-changes.guard';

/** 流程设计: the page, its icons and the bpmn.io libraries load only when a workflow admin opens it. */
export default [
  {
    path: '',
    // NzModalService here (not in the page) so that the leave guard, which runs in this injector, has it.
    providers: [provideNzIconsPatch(DESIGNER_ICONS), NzModalService],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./designer.page'),
  },
] satisfies Route[];
