import { provideHttpClient, withInterceptors } from '@angular/common/http';
import type { Route } from '@angular/router';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { DocumentsApi } from './documents-api.service';

/** Print views (`/print/…`): outside the shell, so nothing but the page itself is printed. */
export default [
  {
    path: '',
    providers: [provideHttpClient(withInterceptors([authInterceptor, errorInterceptor])), DocumentsApi],
    children: [{ path: 'documents/:id', title: 'nav.documents', loadComponent: () => import('./processing-sheet.page') }],
  },
] satisfies Route[];
