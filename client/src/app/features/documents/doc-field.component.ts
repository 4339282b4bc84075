import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';

/**
 * A labelled form field with its message below: the error when there is one, else the hint.
 * The control inside sets `aria-describedby` to `<for>-msg`.
 */
@Component({
  selector: 'app-doc-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'doc-field', '[class.doc-field-wide]': 'wide()', '[class.doc-field-invalid]': '!!error()' },
  template: `
    <label class="doc-field-label" [attr.for]="for()">
      @if (required()) {
        <span class="doc-field-required" aria-hidden="true">*</span>
      }
      {{ label() }}
    </label>
    <ng-content />
    @if (error(); as message) {
      <div class="doc-field-error" [id]="for() + '-msg'" role="alert">{{ message }}</div>
    } @else if (hint()) {
      <div class="doc-field-hint" [id]="for() + '-msg'">{{ hint() }}</div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
    }
    :host(.doc-field-wide) {
      grid-column: 1 / -1;
    }
    .doc-field-label {
      font-weight: 500;
      color: #1f2d3d;
    }
    .doc-field-required {
      color: #cf1322;
      margin-right: 4px;
    }
    .doc-field-error {
      color: #cf1322;
      font-size: 13px;
      line-height: 1.5;
    }
    .doc-field-hint {
      color: #5c6b7a;
      font-size: 13px;
      line-height: 1.5;
    }
  `,
})
export class DocFieldComponent {
  readonly label = input.required<string>();
  /** The id of the control inside. */
  readonly for = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });
  readonly wide = input(false, { transform: booleanAttribute });
  readonly hint = input<string | null>(null);
  readonly error = input<string | null>(null);
}
