import { DestroyRef, type Signal, inject, signal } from '@angular/core';

/** Below ng-zorro's md breakpoint: where the side menu gives way to a drawer. */
export const PHONE_MEDIA_QUERY = '(max-width: 767.98px)';

/** Narrower than 1000 px: the sider takes too much of the page and starts collapsed. */
export const TABLET_MEDIA_QUERY = '(max-width: 999.98px)';

/**
 * Whether the window is phone-wide now, kept up to date as it is resized or turned. Call in an
 * injection context. Without matchMedia (a server or a bare test DOM) the answer is "no".
 */
export function phoneQuery(query = PHONE_MEDIA_QUERY): Signal<boolean> {
  const media = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = signal(media?.matches ?? false);
  if (media) {
    const update = (event: MediaQueryListEvent) => matches.set(event.matches);
    media.addEventListener('change', update);
    inject(DestroyRef).onDestroy(() => media.removeEventListener('change', update));
  }
  return matches.asReadonly();
}
