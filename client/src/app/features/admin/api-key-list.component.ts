import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { API_KEY_ALL_TOPICS, type ApiKey, type IssuedApiKey } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { AdminApiService } from './admin-api.service';
import { AdminI18n, AdminTranslatePipe } from './admin-i18n';
import { apiKeyStatus, type ApiKeyStatus, defaultExpiryDate, expiryFromDate, parseTopics } from './api-key-model';

interface KeyDraft {
  name: string;
  topics: string;
  expires: string;
}

const STATUS_COLOR: Record<ApiKeyStatus, string> = { active: 'green', expired: 'default', revoked: 'red' };

/**
 * API 密钥 (system admin): the keys external workers send, with their topics and expiry; issue one
 * (the key is shown once, with a copy button), revoke one after a confirmation.
 */
@Component({
  selector: 'app-api-key-list',
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    AdminTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    .intro,
    .hint {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
    .key {
      display: flex;
      gap: 8px;
      margin: 12px 0;
    }
    .key input {
      font-family: ui-monospace, monospace;
    }
    .modal-actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
      margin-top: 16px;
    }
  `,
  template: `
    <div class="bar">
      <span class="intro">{{ 'apiKey.intro' | at }}</span>
      <button nz-button nzType="primary" type="button" data-action="add-api-key" (click)="openIssue()">{{ 'apiKey.add' | at }}</button>
    </div>
    <nz-table [nzData]="keys()" [nzFrontPagination]="false" [nzLoading]="loading()" nzSize="small" [nzNoResult]="'apiKey.empty' | at">
      <thead>
        <tr>
          <th>{{ 'apiKey.name' | at }}</th>
          <th>{{ 'apiKey.topics' | at }}</th>
          <th nzWidth="150px">{{ 'apiKey.expiresAt' | at }}</th>
          <th nzWidth="150px">{{ 'apiKey.lastUsedAt' | at }}</th>
          <th nzWidth="150px">{{ 'apiKey.createdAt' | at }}</th>
          <th nzWidth="90px">{{ 'apiKey.createdBy' | at }}</th>
          <th nzWidth="80px">{{ 'apiKey.status' | at }}</th>
          <th nzWidth="80px"></th>
        </tr>
      </thead>
      <tbody>
        @for (key of keys(); track key.id) {
          <tr [attr.data-api-key]="key.id">
            <td>{{ key.name }}</td>
            <td>
              @for (topic of key.topics; track topic) {
                <nz-tag>{{ topic === all ? ('apiKey.allTopics' | at) : topic }}</nz-tag>
              }
            </td>
            <td>{{ key.expiresAt ? (key.expiresAt | date: 'yyyy-MM-dd HH:mm') : ('apiKey.never' | at) }}</td>
            <td>{{ key.lastUsedAt ? (key.lastUsedAt | date: 'yyyy-MM-dd HH:mm') : ('apiKey.neverUsed' | at) }}</td>
            <td>{{ key.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ key.createdBy }}</td>
            <td>
              <nz-tag [nzColor]="statusColor(key)" data-testid="api-key-status">{{ statusLabel(key) }}</nz-tag>
            </td>
            <td>
              @if (!key.revokedAt) {
                <button
                  nz-button
                  nzSize="small"
                  nzDanger
                  type="button"
                  data-action="revoke-api-key"
                  nz-popconfirm
                  [nzPopconfirmTitle]="'apiKey.revokeConfirm' | at: { name: key.name }"
                  (nzOnConfirm)="revoke(key)"
                >
                  {{ 'apiKey.revoke' | at }}
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal
      [nzVisible]="draft() !== null"
      [nzTitle]="'apiKey.issueTitle' | at"
      [nzFooter]="null"
      (nzOnCancel)="draft.set(null)"
      [nzWidth]="560"
    >
      <ng-container *nzModalContent>
        @if (draft(); as d) {
          <form nz-form nzLayout="vertical" (ngSubmit)="issue()" data-testid="api-key-form">
            <nz-form-item>
              <nz-form-label nzRequired nzFor="api-key-name">{{ 'apiKey.name' | at }}</nz-form-label>
              <nz-form-control>
                <input
                  nz-input
                  id="api-key-name"
                  name="name"
                  [(ngModel)]="d.name"
                  required
                  maxlength="100"
                  [placeholder]="'apiKey.namePlaceholder' | at"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="api-key-topics">{{ 'apiKey.topics' | at }}</nz-form-label>
              <nz-form-control [nzExtra]="'apiKey.topicsHint' | at">
                <input nz-input id="api-key-topics" name="topics" [(ngModel)]="d.topics" required />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="api-key-expires">{{ 'apiKey.expiresAt' | at }}</nz-form-label>
              <nz-form-control [nzExtra]="'apiKey.expiresHint' | at">
                <input nz-input type="date" id="api-key-expires" name="expires" [(ngModel)]="d.expires" required />
              </nz-form-control>
            </nz-form-item>
            @if (error()) {
              <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon role="alert" />
            }
            <div class="modal-actions">
              <button nz-button type="button" (click)="draft.set(null)">{{ 'admin.cancel' | at }}</button>
              <button
                nz-button
                nzType="primary"
                type="submit"
                [nzLoading]="saving()"
                [disabled]="!d.name.trim() || !d.topics.trim() || !d.expires"
              >
                {{ 'apiKey.issue' | at }}
              </button>
            </div>
          </form>
        }
      </ng-container>
    </nz-modal>

    <nz-modal
      [nzVisible]="issued() !== null"
      [nzTitle]="'apiKey.issuedTitle' | at"
      [nzFooter]="null"
      [nzClosable]="false"
      [nzMaskClosable]="false"
      [nzWidth]="640"
    >
      <ng-container *nzModalContent>
        @if (issued(); as k) {
          <div data-testid="issued-api-key">
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="'apiKey.once' | at" />
            <div class="key">
              <input
                nz-input
                readonly
                [value]="k.key"
                [attr.aria-label]="'apiKey.key' | at"
                data-testid="issued-key"
                (focus)="select($event)"
              />
              <button nz-button type="button" data-action="copy-api-key" (click)="copy(k.key)">{{ 'apiKey.copy' | at }}</button>
            </div>
            <div class="modal-actions">
              <button nz-button nzType="primary" type="button" data-action="close-issued" (click)="issued.set(null)">
                {{ 'apiKey.done' | at }}
              </button>
            </div>
          </div>
        }
      </ng-container>
    </nz-modal>
  `,
})
export class ApiKeyListComponent {
  private readonly api = inject(AdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly at = inject(AdminI18n).t;
  private readonly message = inject(NzMessageService);
  protected readonly all = API_KEY_ALL_TOPICS;
  protected readonly keys = signal<ApiKey[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly draft = signal<KeyDraft | null>(null);
  /** The key just issued: held only while its dialog is open, then dropped. */
  protected readonly issued = signal<IssuedApiKey | null>(null);

  constructor() {
    void this.load();
  }

  protected statusLabel(key: ApiKey): string {
    return this.at(`apiKey.status.${apiKeyStatus(key)}`);
  }

  protected statusColor(key: ApiKey): string {
    return STATUS_COLOR[apiKeyStatus(key)];
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.keys.set(await firstValueFrom(this.api.apiKeys()));
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }

  protected openIssue(): void {
    this.error.set(null);
    this.draft.set({ name: '', topics: '', expires: defaultExpiryDate() });
  }

  protected async issue(): Promise<void> {
    const d = this.draft();
    if (!d || this.saving()) return;
    const topics = parseTopics(d.topics);
    if (!topics.length) {
      this.error.set(this.at('apiKey.topicsRequired'));
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    try {
      const issued = await firstValueFrom(
        this.api.issueApiKey({ name: d.name.trim(), topics, expiresAt: expiryFromDate(d.expires) ?? undefined }),
      );
      this.draft.set(null);
      this.issued.set(issued);
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }

  protected async revoke(key: ApiKey): Promise<void> {
    try {
      await firstValueFrom(this.api.revokeApiKey(key.id));
      this.message.success(this.at('apiKey.revoked', { name: key.name }));
    } catch {
      // the error interceptor has told the user
    }
    await this.load();
  }

  protected async copy(key: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(key);
      this.message.success(this.at('apiKey.copied'));
    } catch {
      this.message.warning(this.at('apiKey.copyFailed'));
    }
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
