import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Proxy, Task } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { AuthService } from '../../core/auth/auth.service';
import { ErrorStateComponent, type LoadFailure, loadFailureOf } from '../../shared/states/error-state.component';
import { UserNamePipe, UserNames } from '../../shared/user-names.service';
import { UserPickerComponent } from '../../shared/user-picker.component';
import { ProxiesTexts } from './proxies-texts';

const DAY_MS = 24 * 3600_000;

/**
 * 代理: every user sets their deputy for a period (POST /proxies; the server checks the deputy may
 * act for them), sees the proxies in force either way, ends theirs, and reads what deputies did
 * on their behalf (GET /tasks?onBehalfOf=me).
 */
@Component({
  selector: 'app-proxies-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    ErrorStateComponent,
    UserNamePipe,
    UserPickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  styles: `
    .intro {
      color: rgba(0, 0, 0, 0.65);
      max-width: 720px;
    }
    section {
      margin-top: 24px;
    }
    h2 {
      font-size: 16px;
      margin-bottom: 12px;
    }
    .set-form {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-end;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 220px;
    }
    .field app-user-picker,
    .field nz-date-picker {
      width: 240px;
      max-width: 100%;
    }
    .form-error {
      color: #cf1322;
      margin-top: 8px;
    }
    .proxy-list {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .proxy-list li {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    @media (max-width: 480px) {
      .field,
      .field app-user-picker,
      .field nz-date-picker {
        width: 100%;
        min-width: 0;
      }
    }
  `,
  template: `
    <h1 class="page-title">{{ t('title') }}</h1>
    <p class="intro">{{ t('intro') }}</p>

    <section aria-labelledby="set-title">
      <h2 id="set-title">{{ t('setTitle') }}</h2>
      <form class="set-form" (submit)="$event.preventDefault(); save()">
        <div class="field">
          <label for="proxy-deputy">{{ t('deputy') }}</label>
          <app-user-picker id="proxy-deputy" [label]="t('deputy')" [(value)]="deputy" />
        </div>
        <div class="field">
          <label for="proxy-from">{{ t('from') }}</label>
          <nz-date-picker
            nzId="proxy-from"
            nzShowTime
            nzFormat="yyyy-MM-dd HH:mm"
            [nzPlaceHolder]="t('from')"
            [(ngModel)]="from"
            name="from"
          />
        </div>
        <div class="field">
          <label for="proxy-to">{{ t('to') }}</label>
          <nz-date-picker nzId="proxy-to" nzShowTime nzFormat="yyyy-MM-dd HH:mm" [nzPlaceHolder]="t('to')" [(ngModel)]="to" name="to" />
        </div>
        <button nz-button nzType="primary" type="submit" [nzLoading]="saving()" data-testid="proxy-save">{{ t('save') }}</button>
      </form>
      @if (formError(); as text) {
        <div class="form-error" role="alert">{{ text }}</div>
      }
    </section>

    <section aria-labelledby="current-title">
      <h2 id="current-title">{{ t('current') }}</h2>
      @if (proxiesFailure(); as f) {
        <app-error-state [failure]="f" (retry)="loadProxies()" />
      } @else if (proxies() === null) {
        <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 2 }" />
      } @else if (!proxies()!.length) {
        <nz-empty [nzNotFoundContent]="t('none')" />
      } @else {
        <ul class="proxy-list" data-testid="proxy-list">
          @for (p of proxies(); track p.id) {
            <li>
              <nz-tag [nzColor]="p.principal === me() ? 'blue' : 'green'">{{
                p.principal === me() ? t('asPrincipal') : t('asDeputy')
              }}</nz-tag>
              {{ t('principal') }}：{{ p.principal | userName }} · {{ t('deputy') }}：{{ p.deputy | userName }} ·
              {{ p.from | date: 'yyyy-MM-dd HH:mm' }} — {{ p.to | date: 'yyyy-MM-dd HH:mm' }}
              @if (p.definitionKeys?.length) {
                · {{ t('processes') }}：{{ p.definitionKeys!.join('、') }}
              }
            </li>
          }
        </ul>
        @if (hasOwn()) {
          <button nz-button nzDanger type="button" (click)="end()" [nzLoading]="saving()">{{ t('end') }}</button>
        }
      }
    </section>

    <section aria-labelledby="done-title">
      <h2 id="done-title">{{ t('done') }}</h2>
      @if (doneFailure(); as f) {
        <app-error-state [failure]="f" (retry)="loadDone()" />
      } @else if (done() === null) {
        <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 3 }" />
      } @else {
        <nz-table
          #table
          [nzData]="done()!"
          [nzNoResult]="noDone"
          nzSize="middle"
          [nzPageSize]="20"
          [nzHideOnSinglePage]="true"
          [nzScroll]="{ x: '640px' }"
        >
          <thead>
            <tr>
              <th>{{ t('colTitle') }}</th>
              <th nzWidth="120px">{{ t('colStep') }}</th>
              <th nzWidth="110px">{{ t('colBy') }}</th>
              <th nzWidth="90px">{{ t('colStatus') }}</th>
              <th nzWidth="150px">{{ t('colAt') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (task of table.data; track task.id) {
              <tr>
                <td>
                  <a [routerLink]="['/tasks/instance', task.instanceId]">{{ task.title ?? task.name ?? task.elementId }}</a>
                </td>
                <td>{{ task.name ?? task.elementId }}</td>
                <td>{{ task.completedBy ?? task.assignee | userName }}</td>
                <td>{{ statusLabel(task.status) }}</td>
                <td>{{ task.completedAt ?? task.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <ng-template #noDone><nz-empty [nzNotFoundContent]="t('doneNone')" /></ng-template>
      }
    </section>
  `,
})
export default class ProxiesPage {
  private readonly api = inject(ContractApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly names = inject(UserNames);
  private readonly texts = inject(ProxiesTexts);

  protected readonly me = computed(() => this.auth.user()?.username ?? null);
  protected readonly proxies = signal<readonly Proxy[] | null>(null);
  protected readonly proxiesFailure = signal<LoadFailure | null>(null);
  protected readonly done = signal<Task[] | null>(null);
  protected readonly doneFailure = signal<LoadFailure | null>(null);
  protected readonly hasOwn = computed(() => (this.proxies() ?? []).some((p) => p.principal === this.me()));
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected deputy: string[] = [];
  protected from: Date | null = new Date();
  protected to: Date | null = new Date(Date.now() + 7 * DAY_MS);

  constructor() {
    void this.loadProxies();
    void this.loadDone();
  }

  protected t(key: Parameters<ProxiesTexts['t']>[0], params?: Record<string, string>): string {
    return this.texts.t(key, params);
  }

  protected statusLabel(status: Task['status']): string {
    const keys = { open: 'statusOpen', completed: 'statusCompleted', cancelled: 'statusCancelled', waiting: 'statusWaiting' } as const;
    return this.t(keys[status]);
  }

  async loadProxies(): Promise<void> {
    this.proxiesFailure.set(null);
    this.proxies.set(null);
    try {
      this.proxies.set((await firstValueFrom(this.api.call('GET /proxies/mine'))).items);
    } catch (error) {
      this.proxiesFailure.set(loadFailureOf(error));
    }
  }

  async loadDone(): Promise<void> {
    this.doneFailure.set(null);
    this.done.set(null);
    try {
      this.done.set((await firstValueFrom(this.api.call('GET /tasks', { query: { onBehalfOf: 'me', limit: 100 } }))).items);
    } catch (error) {
      this.doneFailure.set(loadFailureOf(error));
    }
  }

  protected async save(): Promise<void> {
    const deputy = this.deputy[0];
    if (!deputy) return this.formError.set(this.t('needDeputy'));
    if (!this.from || !this.to) return this.formError.set(this.t('needWindow'));
    this.formError.set(null);
    this.saving.set(true);
    try {
      // the server refuses an ineligible deputy or a bad window with its code; the interceptor says it
      const body = { deputy, from: this.from.toISOString(), to: this.to.toISOString() };
      await firstValueFrom(this.api.call('POST /proxies', { body }));
      const at = (d: Date) =>
        `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      this.message.success(this.t('saved', { deputy: this.names.name(deputy), from: at(this.from), to: at(this.to) }));
      await this.loadProxies();
    } catch {
      // told by the error interceptor; the form keeps what was chosen
    } finally {
      this.saving.set(false);
    }
  }

  protected async end(): Promise<void> {
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.call('DELETE /proxies/mine'));
      this.message.success(this.t('ended'));
      await this.loadProxies();
    } catch {
      // told by the error interceptor
    } finally {
      this.saving.set(false);
    }
  }
}
