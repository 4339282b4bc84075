import { DOCUMENT, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AUDIT_EVENT_TYPES, type AuditEvent, type AuditResult, type AuditVerification, ROLE_LABELS_ZH } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { AuditApiService } from './audit-api.service';
import { AuditArchiveComponent } from './audit-archive.component';
import { type AuditFilters, auditFilters, emptyAuditFilter, exportFileName } from './audit-filter';
import { beijingTime, type DetailEntry, detailEntries, errorMessage, TARGET_TYPE_LABELS, targetTypeLabel } from './audit-details';
import { AuditI18n, type AuditKey, AuditTranslatePipe, eventLabel } from './audit-i18n';

const PAGE_SIZE = 20;
const EVENT_TYPES = Object.entries(AUDIT_EVENT_TYPES).map(([code, label]) => ({ code, label }));
const TARGET_TYPES = Object.entries(TARGET_TYPE_LABELS).map(([code, label]) => ({ code, label }));

type ChainState = { state: 'unknown' } | { state: 'checking' } | { state: 'done'; result: AuditVerification };

/**
 * 审计日志 (安全审计员): search everyone's audit events, read one in a drawer, verify the SM3 chain,
 * export CSV/XLSX. The 安全保密管理员 opens the same console as 审计员操作记录: the server gives
 * them the auditor's own events only (三员分立, the mutual check).
 */
@Component({
  selector: 'app-audit-page',
  imports: [
    FormsModule,
    JsonPipe,
    NzButtonModule,
    NzDatePickerModule,
    NzDescriptionsModule,
    NzDrawerModule,
    NzEmptyModule,
    NzInputModule,
    NzSelectModule,
    SelectLabelDirective,
    NzTableModule,
    NzTagModule,
    AuditArchiveComponent,
    AuditTranslatePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page audit-page' },
  styleUrl: './audit.page.css',
  templateUrl: './audit.page.html',
})
export default class AuditPage {
  private readonly api = inject(AuditApiService);
  private readonly i18n = inject(AuditI18n);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);

  /** The auditor reads everything; anyone else here (the security admin) reads the auditor's events. */
  protected readonly auditorOnly = computed(() => !this.auth.hasAnyRole(['auditor']));
  protected readonly eventTypes = EVENT_TYPES;
  protected readonly targetTypes = TARGET_TYPES;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly form = emptyAuditFilter();
  protected readonly filtersOpen = signal(false);
  protected readonly items = signal<AuditEvent[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(false);
  protected readonly selected = signal<AuditEvent | null>(null);
  /** 640 px, or the whole screen of a phone. */
  protected readonly drawerWidth = signal(640);
  protected readonly chain = signal<ChainState>({ state: 'unknown' });
  protected readonly chainResult = computed(() => {
    const chain = this.chain();
    return chain.state === 'done' ? chain.result : null;
  });
  protected readonly exporting = signal<'csv' | 'xlsx' | null>(null);
  /** The filters of the list on screen; export uses these, not half-edited fields. */
  private applied: AuditFilters = {};

  constructor() {
    void this.load();
  }

  protected open(event: AuditEvent): void {
    this.drawerWidth.set(Math.min(640, this.document.defaultView?.innerWidth ?? 640));
    this.selected.set(event);
  }

  protected resultKey(result: AuditResult): AuditKey {
    return result === 'success' ? 'audit.result.success' : 'audit.result.failure';
  }

  protected label(code: string): string {
    return eventLabel(code);
  }

  protected targetType(type: string): string {
    return targetTypeLabel(type);
  }

  /** Beijing time, `yyyy-MM-dd HH:mm:ss`, as the export writes it. */
  protected time(iso: string): string {
    return beijingTime(iso);
  }

  protected roles(roles: readonly string[]): string {
    return roles.map((r) => (ROLE_LABELS_ZH as Record<string, string>)[r] ?? r).join('、');
  }

  /** The Chinese message of the error code where the client has one, else the code alone shows. */
  protected errorText(code: string): string {
    return errorMessage(code) ?? '';
  }

  protected detailsOf(event: AuditEvent): DetailEntry[] {
    return detailEntries(event);
  }

  protected search(): void {
    this.applied = auditFilters(this.form);
    this.pageIndex.set(1);
    this.filtersOpen.set(false);
    void this.load();
  }

  protected reset(): void {
    Object.assign(this.form, emptyAuditFilter());
    this.search();
  }

  protected changePage(index: number): void {
    this.pageIndex.set(index);
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const list = await firstValueFrom(this.api.events(this.applied, (this.pageIndex() - 1) * PAGE_SIZE, PAGE_SIZE));
      this.items.set(list.items);
      this.total.set(list.total);
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }

  async verify(): Promise<void> {
    this.chain.set({ state: 'checking' });
    try {
      this.chain.set({ state: 'done', result: await firstValueFrom(this.api.verify()) });
    } catch {
      this.chain.set({ state: 'unknown' });
    }
  }

  async export(format: 'csv' | 'xlsx'): Promise<void> {
    this.exporting.set(format);
    try {
      const blob = await firstValueFrom(this.api.export(this.applied, format));
      this.save(blob, exportFileName(this.i18n.t('audit.export.file'), format, new Date()));
    } catch {
      // the error interceptor has told the user
    } finally {
      this.exporting.set(null);
    }
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
