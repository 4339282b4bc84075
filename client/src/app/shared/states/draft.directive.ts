import { Directive, ElementRef, afterNextRender, effect, inject, input } from '@angular/core';
import { DraftStore } from './draft-store.service';

type TextField = HTMLTextAreaElement | HTMLInputElement;

/**
 * Keeps what is typed into a text field as a local draft under `appDraft` (a scope such as
 * `task:<id>:opinion`, see {@link DraftStore}) and puts it back after a reload: on the first
 * render an empty field takes the draft, and an `input` event tells ngModel / reactive forms.
 * Text set by the page rather than typed (a 常用语 inserted) is kept when the page binds it to
 * `draftText`. The page clears the draft once the text is submitted (DraftStore.clearTask).
 */
@Directive({
  selector: 'textarea[appDraft], input[appDraft]',
  host: { '(input)': 'keep(field.value)', '[attr.data-draft]': 'appDraft()' },
})
export class DraftDirective {
  readonly appDraft = input.required<string>();
  /** The field's model, when the page changes it too (optional). */
  readonly draftText = input<string | undefined>(undefined);
  private readonly drafts = inject(DraftStore);
  protected readonly field = inject<ElementRef<TextField>>(ElementRef).nativeElement;
  /** Nothing is written before the kept draft was offered: the empty first value would erase it. */
  private restored = false;

  constructor() {
    // after ngModel's first write of the (empty) model, which it makes a task later: the draft must come after it
    afterNextRender(() => setTimeout(() => this.restore()));
    effect(() => {
      const text = this.draftText();
      if (text !== undefined && this.restored) this.keep(text);
    });
  }

  private restore(): void {
    const kept = this.drafts.read(this.appDraft());
    this.restored = true;
    if (kept && !this.field.value) {
      this.field.value = kept;
      this.field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  protected keep(text: string): void {
    if (this.restored) this.drafts.write(this.appDraft(), text);
  }
}
