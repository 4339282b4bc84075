import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { AuditAnchor, AuditVerification } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { AuditArchiveApiService } from './audit-archive-api.service';
import { ArchiveI18n, ArchiveTranslatePipe } from './audit-archive-i18n';

const DAY_MS = 86_400_000;

type FileCheck = 'checking' | AuditVerification;

/** `0123456789abcdef…` → `01234567…89abcdef`: enough to compare by eye, the whole in the title. */
export function shortDigest(digest: string): string {
  return digest.length <= 20 ? digest : `${digest.slice(0, 8)}…${digest.slice(-8)}`;
}

/** Local midnight of the day the date picker chose: the cut-off sent to the server. */
export function cutOffOf(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate());
}

/**
 * 归档 (the 安全审计员 only): the chain anchors with their archive files (download, re-verify), and
 * archiving the events before a date at least the retention period ago (网络安全法 §21: 180
 * days). The server decides and says why not; its refusal is shown here in Chinese.
 */
@Component({
  selector: 'app-audit-archive',
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    ArchiveTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'audit-archive' },
  styleUrl: './audit-archive.component.css',
  templateUrl: './audit-archive.component.html',
})
export class AuditArchiveComponent {
  private readonly api = inject(AuditArchiveApiService);
  private readonly t = inject(ArchiveI18n);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  protected readonly anchors = signal<AuditAnchor[]>([]);
  protected readonly retentionDays = signal(180);
  protected readonly loading = signal(false);
  protected readonly archiving = signal(false);
  protected readonly before = signal<Date | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly checks = signal<Record<string, FileCheck>>({});
  protected readonly short = shortDigest;
  /** Emitted once events were archived: the page reloads its list (they are no longer there). */
  readonly archived = output<void>();

  /** The latest day that may be chosen: the picker opens on it. */
  protected readonly latestDay = computed(() => new Date(Date.now() - this.retentionDays() * DAY_MS));

  /** Days younger than the retention period cannot be chosen (the server refuses them anyway). */
  protected readonly disabledDate = (day: Date): boolean => cutOffOf(day).getTime() > Date.now() - this.retentionDays() * DAY_MS;

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const list = await firstValueFrom(this.api.anchors());
      this.anchors.set(list.items);
      this.retentionDays.set(list.retentionDays);
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }

  protected confirmText(): string {
    const day = this.before();
    return this.t.t('archive.confirm', { date: day ? cutOffOf(day).toLocaleDateString('zh-CN') : '' });
  }

  async archive(): Promise<void> {
    const day = this.before();
    if (!day) return;
    this.archiving.set(true);
    this.error.set(null);
    this.done.set(null);
    try {
      const { anchor, more } = await firstValueFrom(this.api.archive(cutOffOf(day).toISOString()));
      const text = this.t.t('archive.done', { count: anchor.archivedCount, from: anchor.archivedFromSeq, to: anchor.seq });
      this.done.set(more ? `${text}；${this.t.t('archive.more')}` : text);
      this.before.set(null);
      this.archived.emit();
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.archiving.set(false);
    }
  }

  async verify(anchor: AuditAnchor): Promise<void> {
    this.checks.update((c) => ({ ...c, [anchor.id]: 'checking' }));
    try {
      const result = await firstValueFrom(this.api.verify(anchor.id));
      this.checks.update((c) => ({ ...c, [anchor.id]: result }));
    } catch {
      this.checks.update(({ [anchor.id]: _dropped, ...rest }) => rest);
    }
  }

  protected checkOf(id: string): AuditVerification | null {
    const check = this.checks()[id];
    return check && check !== 'checking' ? check : null;
  }

  protected checking(id: string): boolean {
    return this.checks()[id] === 'checking';
  }

  async download(anchor: AuditAnchor): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.file(anchor.id));
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = anchor.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url));
    } catch {
      // the error interceptor has told the user
    }
  }
}
