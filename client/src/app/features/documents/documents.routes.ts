import { provideHttpClient, withInterceptors } from '@angular/common/http';
import type { Route } from '@angular/router';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { DocumentsApi } from './documents-api.service';

/**
 * 公文: list, 收文登记, 拟稿 and the document view, in one lazy chunk. The feature has its own
 * HttpClient on the XHR backend (same interceptors as the app's): only XHR reports upload progress.
 */
export default [
  {
    path: '',
    providers: [provideHttpClient(withInterceptors([authInterceptor, errorInterceptor])), DocumentsApi],
    children: [
      { path: '', loadComponent: () => import('./document-list.page') },
      { path: 'incoming/new', title: 'nav.documents', loadComponent: () => import('./incoming-form.page') },
      { path: 'outgoing/new', title: 'nav.documents', loadComponent: () => import('./outgoing-form.page') },
      { path: 'register', title: 'nav.documents', loadComponent: () => import('./document-register.page') },
      { path: ':id/edit', title: 'nav.documents', loadComponent: () => import('./outgoing-form.page') },
      { path: ':id', loadComponent: () => import('./document-view.page') },
    ],
  },
] satisfies Route[];
