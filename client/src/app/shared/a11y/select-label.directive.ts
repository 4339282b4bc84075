import { DestroyRef, Directive, ElementRef, afterNextRender, inject } from '@angular/core';

/**
 * Gives the text field inside an nz-select the select's accessible name. ng-zorro puts the
 * `aria-label` written on `<nz-select>` on the host element only, while the element that takes
 * the focus is the inner search `<input>`: screen readers announce it unnamed (axe: "label",
 * critical). This copies the host's `aria-label` onto that input (and follows changes, e.g. a
 * language switch); a select labelled by `<label for>` through `nzId` already has a name and
 * is left alone.
 */
// eslint-disable-next-line @angular-eslint/directive-selector -- it completes ng-zorro's <nz-select> wherever it is used
@Directive({ selector: 'nz-select' })
export class SelectLabelDirective {
  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const sync = (): void => {
      const name = host.getAttribute('aria-label');
      for (const field of Array.from(host.querySelectorAll<HTMLInputElement>('input.ant-select-selection-search-input'))) {
        if (name && !(field.id && field.labels?.length)) {
          if (field.getAttribute('aria-label') !== name) field.setAttribute('aria-label', name);
        } else if (field.hasAttribute('aria-label')) field.removeAttribute('aria-label');
      }
    };
    const observer = new MutationObserver(sync);
    afterNextRender(() => {
      sync();
      observer.observe(host, { attributes: true, attributeFilter: ['aria-label'], childList: true, subtree: true });
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
