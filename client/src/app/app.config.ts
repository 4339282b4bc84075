import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import {
  ApplicationConfig,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { focusHeadingAfterNavigation } from './core/a11y/route-focus';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { errorInterceptor } from './core/http/error.interceptor';
import { networkInterceptor } from './core/http/network.interceptor';
import { I18nTitleStrategy } from './core/i18n/i18n-title.strategy';
import { I18nService } from './core/i18n/i18n.service';
import { APP_ICONS } from './core/icons';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, errorInterceptor, networkInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh' },
    // ng-zorro's locale: zh_CN by default; I18nService loads and sets another when the user switches
    provideNzIcons(APP_ICONS),
    provideAppInitializer(() => {
      // Apply the stored language (html lang, ng-zorro locale) before the first render,
      // and know who is signed in before the first navigation runs the guards.
      inject(I18nService);
      focusHeadingAfterNavigation();
      return inject(AuthService).restore();
    }),
  ],
};
