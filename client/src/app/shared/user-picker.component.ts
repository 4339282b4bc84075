import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from './a11y/select-label.directive';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, mergeMap, of } from 'rxjs';
import { WorkflowApiService, type PickedUser } from './workflow-api.service';
import { WorkflowTranslatePipe } from './workflow-i18n';

/**
 * Picks users by Chinese name, pinyin or initials (`zxm` finds 张晓明), searched on the server
 * (GET /api/users?q=) as the designer's 办理人 picker does. The value is usernames.
 */
@Component({
  selector: 'app-user-picker',
  imports: [FormsModule, NzSelectModule, SelectLabelDirective, WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      class="user-picker"
      [nzMode]="multiple() ? 'multiple' : 'default'"
      nzShowSearch
      nzServerSearch
      nzAllowClear
      [nzPlaceHolder]="'picker.placeholder' | wt"
      [nzNotFoundContent]="'picker.empty' | wt"
      [nzLoading]="searching()"
      [ngModel]="multiple() ? value() : value()[0]"
      (ngModelChange)="choose($event)"
      (nzOnSearch)="$event.trim() && search($event)"
      (nzOpenChange)="$event && !options().length && search('')"
      [attr.aria-label]="label()"
      style="width: 100%"
    >
      @for (user of options(); track user.username) {
        <nz-option [nzValue]="user.username" [nzLabel]="user.displayName + '（' + user.username + '）'" />
      }
    </nz-select>
  `,
})
export class UserPickerComponent {
  private readonly api = inject(WorkflowApiService);
  readonly multiple = input(false);
  readonly label = input('');
  /** Chosen usernames (one when not multiple). */
  readonly value = model<string[]>([]);
  protected readonly options = signal<PickedUser[]>([]);
  protected readonly searching = signal(false);
  private readonly queries = new Subject<string>();

  constructor() {
    // every search runs to its end (no aborted requests); only the answer to the latest query is shown
    let latest = '';
    const subscription = this.queries
      .pipe(
        debounceTime(200),
        distinctUntilChanged(),
        mergeMap((q) => {
          latest = q;
          this.searching.set(true);
          return this.api.searchUsers(q).pipe(
            catchError(() => of([] as PickedUser[])),
            map((users) => ({ q, users })),
          );
        }),
      )
      .subscribe(({ q, users }) => {
        if (q !== latest) return;
        this.searching.set(false);
        // keep the chosen ones listed so their labels stay visible
        const chosen = this.options().filter((u) => this.value().includes(u.username) && !users.some((n) => n.username === u.username));
        this.options.set([...chosen, ...users]);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected search(q: string): void {
    this.queries.next(q);
  }

  protected choose(value: string | string[] | null): void {
    this.value.set(value === null ? [] : Array.isArray(value) ? value : [value]);
  }
}
