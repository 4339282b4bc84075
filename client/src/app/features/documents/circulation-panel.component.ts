import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CIRCULATION_ORDERS, type Circulation } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService } from '../../core/auth/auth.service';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { UserPickerComponent } from '../../shared/user-picker.component';
import { UserNamePipe, UserNames } from '../../shared/user-names.service';
import { BEIJING } from './doc-form';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

type Order = (typeof CIRCULATION_ORDERS)[number];

/** The readers who have not read yet, in their order: what a reorder sends and a skip may pick. */
export function unreadReaders(c: Circulation): string[] {
  return [...c.readers]
    .filter((r) => r.status === 'pending' || r.status === 'holding')
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r.username);
}

/** `list` with the item at `index` moved by `by` places (kept inside the list). */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + by));
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * 传阅 of a document: who holds it, who read it when (with notes), and the actions the signed-in
 * user has — start one (readers picked by name or pinyin, in sequence or in parallel), 阅毕 with an
 * optional note for a holder, reorder and skip with a reason for the sender.
 */
@Component({
  selector: 'app-circulation-panel',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzRadioModule,
    NzTagModule,
    UserPickerComponent,
    UserNamePipe,
    DocsTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './circulation-panel.component.html',
  styleUrl: './circulation-panel.component.css',
})
export class CirculationPanelComponent {
  private readonly api = inject(DocumentsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly message = inject(NzMessageService);
  private readonly userNames = inject(UserNames);
  private readonly document = inject(DOCUMENT);
  protected readonly docsI18n = inject(DocsI18n);

  readonly documentId = input.required<string>();
  readonly circulations = input.required<readonly Circulation[]>();
  /** Whether 发起传阅 is offered (the document is still being handled). */
  readonly canStart = input(false);
  /** A circulation as the server answered after an action (a new one or a changed one). */
  readonly changed = output<Circulation>();

  protected readonly beijing = BEIJING;
  protected readonly orders = CIRCULATION_ORDERS;
  protected readonly me = computed(() => this.auth.user()?.username ?? null);

  protected readonly starting = signal(false);
  protected readonly readers = signal<string[]>([]);
  protected order: Order = 'sequential';
  protected readonly busy = signal(false);
  /** The failure of the last action, shown where it was taken: `start` or a circulation's id. */
  protected readonly failure = signal<{ at: string; text: string } | null>(null);
  protected readonly notes: Record<string, string> = {};
  /** The circulation being adjusted by its sender, its unread readers in the new order and the reason. */
  protected readonly adjusting = signal<{ id: string; order: string[] } | null>(null);
  protected adjustReason = '';

  protected holds(c: Circulation): boolean {
    const me = this.me();
    return c.status === 'active' && !!me && c.holders.includes(me);
  }

  protected mayAdjust(c: Circulation): boolean {
    return c.status === 'active' && c.createdBy === this.me() && unreadReaders(c).length > 0;
  }

  protected failureAt(at: string): string | null {
    const f = this.failure();
    return f && f.at === at ? f.text : null;
  }

  protected async start(): Promise<void> {
    if (!this.readers().length) {
      this.failure.set({ at: 'start', text: this.docsI18n.t('docs.circ.readersRequired') });
      return;
    }
    await this.run('start', async () => {
      const created = await this.api.circulate(this.documentId(), { readers: this.readers(), order: this.order });
      this.starting.set(false);
      this.readers.set([]);
      this.message.success(this.docsI18n.t('docs.circ.started'));
      this.changed.emit(created);
    });
  }

  protected async read(c: Circulation): Promise<void> {
    await this.run(c.id, async () => {
      const updated = await this.api.readCirculation(c.id, this.notes[c.id] ?? '');
      delete this.notes[c.id];
      this.message.success(this.docsI18n.t('docs.circ.readDone'));
      this.changed.emit(updated);
    });
  }

  protected toggleAdjust(c: Circulation): void {
    this.failure.set(null);
    this.adjustReason = '';
    this.adjusting.set(this.adjusting()?.id === c.id ? null : { id: c.id, order: unreadReaders(c) });
  }

  protected move(index: number, by: number): void {
    const a = this.adjusting();
    if (a) this.adjusting.set({ ...a, order: moved(a.order, index, by) });
  }

  protected async saveOrder(c: Circulation): Promise<void> {
    const a = this.adjusting();
    const reason = this.reasonOr(c);
    if (!a || reason === null) return;
    await this.run(c.id, async () => {
      const updated = await this.api.reorderCirculation(c.id, a.order, reason);
      this.adjusting.set({ id: c.id, order: unreadReaders(updated) });
      this.message.success(this.docsI18n.t('docs.circ.reordered'));
      this.changed.emit(updated);
    });
  }

  protected async skip(c: Circulation, reader: string): Promise<void> {
    const reason = this.reasonOr(c);
    if (reason === null) return;
    await this.run(c.id, async () => {
      const updated = await this.api.skipReader(c.id, reader, reason);
      const left = unreadReaders(updated);
      this.adjusting.set(left.length ? { id: c.id, order: left } : null);
      this.message.success(this.docsI18n.t('docs.circ.skipped', { name: this.userNames.name(reader) }));
      this.changed.emit(updated);
    });
  }

  /** The trimmed reason, or null after saying it is missing. */
  private reasonOr(c: Circulation): string | null {
    const reason = this.adjustReason.trim();
    if (reason) return reason;
    this.failure.set({ at: c.id, text: this.docsI18n.t('docs.action.reasonRequired') });
    this.document.getElementById(`circ-reason-${c.id}`)?.focus();
    return null;
  }

  private async run(at: string, action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
    } catch (error) {
      this.failure.set({ at, text: apiErrorText(error, this.i18n) });
    } finally {
      this.busy.set(false);
    }
  }
}
