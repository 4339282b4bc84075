import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How many animation frames to wait for the element to appear (it may render after its data). */
const FRAMES = 60;

/**
 * Marks an element focused by this code, until it loses the focus. Chromium matches
 * `:focus-visible` on a programmatic focus only when the last input was a key: after a mouse click
 * on 提交办理 the heading would get the focus without a ring (WCAG 2.4.7). styles.css rings
 * `[data-moved-focus]:focus`; a click on a button still shows none, as it never carries the mark.
 */
export const MOVED_FOCUS = 'data-moved-focus';

/** Focuses `target`, ringed (see MOVED_FOCUS) until the focus leaves it. */
export function moveFocusTo(target: HTMLElement): void {
  target.setAttribute(MOVED_FOCUS, '');
  target.addEventListener('blur', () => target.removeAttribute(MOVED_FOCUS), { once: true });
  target.focus();
}

/**
 * When the keyboard focus is lost (on <body>, because the element that had it is gone), moves it
 * to the element matching the first of `selectors` (in that order of preference) once one is rendered, made focusable with tabindex=-1
 * when it is not (a heading). A focus placed meanwhile (by the user, an autofocus field) is kept.
 * Returns a function that gives up waiting.
 */
export function focusWhenLost(document: Document, selectors: readonly string[]): () => void {
  const window = document.defaultView;
  if (!window) return () => undefined;
  let pending = 0;
  let frames = 0;
  const attempt = () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const target = selectors.map((s) => document.querySelector<HTMLElement>(s)).find((e) => !!e);
    if (target) {
      if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      moveFocusTo(target);
    } else if (++frames < FRAMES) pending = window.requestAnimationFrame(attempt);
  };
  pending = window.requestAnimationFrame(attempt);
  return () => window.cancelAnimationFrame(pending);
}

/**
 * Keeps the keyboard focus somewhere sensible when the page changes (WCAG 2.4.3): after an action
 * that leaves the page (提交办理, 退回, a saved form) or a link followed, the element that had the
 * focus is gone and the focus would fall back to <body>: the next Tab would start again at the top
 * of the menu and a screen reader would say nothing. Once the navigation has ended, a lost focus
 * goes to the new page's heading (<h1>), which screen readers read out. The first page after
 * loading is left alone.
 */
export function focusHeadingAfterNavigation(): void {
  const router = inject(Router);
  const document = inject(DOCUMENT);
  let cancel = (): void => undefined;
  const subscription = router.events
    .pipe(filter((event): event is NavigationEnd => event instanceof NavigationEnd && event.id > 1))
    .subscribe(() => {
      cancel();
      cancel = focusWhenLost(document, ['[role="main"] h1', 'h1']);
    });
  inject(DestroyRef).onDestroy(() => {
    cancel();
    subscription.unsubscribe();
  });
}
