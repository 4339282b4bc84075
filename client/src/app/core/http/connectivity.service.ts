import { DOCUMENT, Injectable, inject, signal } from '@angular/core';

/**
 * Whether the server can be reached. A request that found no network (status 0) marks the app
 * offline; the next answer of any kind, or the browser's `online` event, marks it back. The shell
 * shows a banner while offline (网络已断开，正在重试…) instead of the page's own error.
 */
@Injectable({ providedIn: 'root' })
export class Connectivity {
  private readonly lost = signal(false);
  readonly offline = this.lost.asReadonly();

  constructor() {
    const view = inject(DOCUMENT).defaultView;
    view?.addEventListener('offline', () => this.lost.set(true));
  }

  markOffline(): void {
    this.lost.set(true);
  }

  markOnline(): void {
    this.lost.set(false);
  }
}
