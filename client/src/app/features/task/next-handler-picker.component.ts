import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { EligibleStep, NextAssignees } from '@liuzhuan/contracts';
import { catchError, of } from 'rxjs';
import { EligibleApi } from '../../shared/eligible-api.service';
import { OrgPickerComponent } from '../../shared/org-picker.component';
import { WorkflowTranslatePipe } from '../../shared/workflow-i18n';

/**
 * 选择下一步办理人: for each next step a group holds, the submitter may choose the person or
 * people among its eligible members (GET /tasks/:id/next-steps); left empty, the group keeps
 * it. The server checks the choice by the same rule (TASK_ASSIGNEE_NOT_ELIGIBLE).
 */
@Component({
  selector: 'app-next-handler-picker',
  imports: [OrgPickerComponent, WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .next-handlers {
      margin: 12px 0 4px;
    }
    .next-handler {
      margin-top: 8px;
    }
    .next-handler label {
      display: block;
      margin-bottom: 4px;
      font-weight: 500;
    }
    .next-handler-hint {
      margin: 2px 0 0;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
  template: `
    @if (steps().length) {
      <fieldset class="next-handlers" data-testid="next-handlers">
        @for (step of steps(); track step.elementId) {
          <div class="next-handler">
            <label [for]="'next-' + step.elementId">{{ 'next.label' | wt: { step: step.name ?? step.elementId } }}</label>
            <app-org-picker
              [inputId]="'next-' + step.elementId"
              multiple
              [label]="'next.label' | wt: { step: step.name ?? step.elementId }"
              [step]="step"
              [placeholder]="'next.placeholder' | wt"
              [value]="value()[step.elementId] ?? []"
              (valueChange)="choose(step, $event)"
            />
            <p class="next-handler-hint">{{ 'next.hint' | wt }}</p>
          </div>
        }
      </fieldset>
    }
  `,
})
export class NextHandlerPickerComponent {
  private readonly api = inject(EligibleApi);
  readonly taskId = input.required<string>();
  /** element id → chosen usernames; a step with nobody chosen is left out (its group keeps it). */
  readonly value = model<NextAssignees>({});

  private readonly next = rxResource({
    params: () => this.taskId(),
    // a list that cannot be read offers no choice: the step stays with its group
    stream: ({ params }) => this.api.nextSteps(params).pipe(catchError(() => of({ items: [] as EligibleStep[] }))),
  });
  protected readonly steps = computed(() => (this.next.hasValue() ? this.next.value().items.filter((s) => s.people.length) : []));

  protected choose(step: EligibleStep, usernames: string[]): void {
    const next = { ...this.value() };
    if (usernames.length) next[step.elementId] = usernames;
    else delete next[step.elementId];
    this.value.set(next);
  }
}
