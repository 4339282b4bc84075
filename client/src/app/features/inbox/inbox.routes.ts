import { Route } from '@angular/router';
import type { InboxView } from './inbox.page';

function view(path: string, inboxView: InboxView): Route {
  return {
    path,
    title: `nav.${inboxView}`,
    data: { view: inboxView },
    loadComponent: () => import('./inbox.page'),
  };
}

/** 待办 / 已办 / 我发起的 / 抄送我的 / 传阅: one list page, five views. */
export default [
  view('', 'inbox'),
  view('done', 'done'),
  view('started', 'started'),
  view('cc', 'cc'),
  view('circulation', 'circulation'),
] satisfies Route[];
