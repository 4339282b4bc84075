import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { CalendarChange, CalendarDayKind, CalendarYear } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { AdminApiService } from './admin-api.service';
import { AdminI18n, AdminTranslatePipe } from './admin-i18n';
import { type DayCell, parseImport, yearGrid } from './admin-model';

interface LogEntry {
  version: number;
  /** Beijing time, minutes */
  at: string;
  actor: string | null;
  text: string;
}

/** How many entries of the server's change log the page shows. */
const LOG_SIZE = 20;

const beijingMinute = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The current year in Beijing time. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

/**
 * 工作日历 (system admin): a year of month grids (法定节假日, 调休上班, 周末, local changes
 * outlined), a local change of one day with its reason, import of a year, the calendar version.
 */
@Component({
  selector: 'app-work-calendar',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzInputModule, NzModalModule, NzRadioModule, NzTagModule, AdminTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .bar .year {
      font-size: 18px;
      font-weight: 600;
      min-width: 64px;
      text-align: center;
    }
    .bar .spacer {
      flex: 1;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 4px 0 10px;
      font-size: 12px;
      align-items: center;
    }
    .legend span {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .swatch {
      width: 14px;
      height: 14px;
      border-radius: 2px;
      display: inline-block;
      border: 1px solid transparent;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 250px;
      gap: 16px;
      align-items: start;
    }
    .months {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(176px, 1fr));
      gap: 8px;
    }
    .month {
      border: 1px solid #f0f0f0;
      border-radius: 4px;
      padding: 6px;
      background: #fff;
    }
    .month h3 {
      font-size: 13px;
      margin: 0 0 4px;
      text-align: center;
      font-weight: 600;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(7, 1fr);
      gap: 2px;
    }
    .wd {
      font-size: 11px;
      text-align: center;
      color: #595959;
    }
    .day {
      height: 22px;
      min-width: 0;
      padding: 0;
      font-size: 12px;
      line-height: 20px;
      text-align: center;
      border: 1px solid transparent;
      border-radius: 3px;
      background: transparent;
      cursor: pointer;
      color: rgba(0, 0, 0, 0.85);
    }
    .day:hover {
      border-color: #91caff;
    }
    .day:focus-visible {
      outline: 2px solid #1677ff;
      outline-offset: 1px;
    }
    .cls-weekend,
    .swatch.cls-weekend {
      background: #f5f5f5;
      color: #595959;
    }
    .cls-holiday,
    .swatch.cls-holiday {
      background: #fff1f0;
      color: #cf1322;
      font-weight: 600;
    }
    .cls-workday,
    .swatch.cls-workday {
      background: #e6f4ff;
      color: #0958d9;
      font-weight: 600;
    }
    .local,
    .swatch.local {
      border: 2px solid #fa8c16;
    }
    .day.selected {
      box-shadow: 0 0 0 2px #1677ff;
    }
    .panel {
      border: 1px solid #f0f0f0;
      border-radius: 4px;
      padding: 12px;
      background: #fff;
      position: sticky;
      top: 0;
    }
    .panel h3 {
      margin: 0 0 8px;
      font-size: 15px;
    }
    .panel .row {
      margin-bottom: 8px;
    }
    .panel label.field {
      display: block;
      margin: 8px 0 4px;
      font-weight: 500;
    }
    .panel .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 10px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
    .log {
      margin: 16px 0 0;
      padding: 0;
      list-style: none;
      font-size: 12px;
    }
    .log li {
      padding: 3px 0;
      border-bottom: 1px dashed #f0f0f0;
      overflow-wrap: anywhere;
    }
    nz-alert {
      display: block;
      margin-bottom: 8px;
    }
    textarea {
      font-family: ui-monospace, monospace;
    }
  `,
  template: `
    <div class="bar">
      <button nz-button type="button" (click)="go(-1)" [attr.aria-label]="'calendar.prev' | at">‹</button>
      <span class="year" aria-live="polite" data-testid="calendar-year">{{ year() }}</span>
      <button nz-button type="button" (click)="go(1)" [attr.aria-label]="'calendar.next' | at">›</button>
      @if (data(); as d) {
        <nz-tag [nzColor]="d.loaded ? 'success' : 'warning'">{{
          (d.loaded ? 'calendar.loaded' : 'calendar.notLoaded') | at: { year: d.year }
        }}</nz-tag>
        <span class="muted" data-testid="calendar-version">{{ 'calendar.version' | at: { version: d.calendarVersion } }}</span>
      }
      <span class="spacer"></span>
      <button nz-button type="button" data-action="import-year" (click)="openImport()">{{ 'calendar.import' | at }}</button>
    </div>
    <div class="legend" aria-hidden="true">
      <span><i class="swatch cls-holiday"></i>{{ 'calendar.legend.holiday' | at }}</span>
      <span><i class="swatch cls-workday"></i>{{ 'calendar.legend.workday' | at }}</span>
      <span><i class="swatch cls-weekend"></i>{{ 'calendar.legend.weekend' | at }}</span>
      <span><i class="swatch local"></i>{{ 'calendar.legend.local' | at }}</span>
    </div>
    <div class="layout">
      <!-- eslint-disable-next-line @angular-eslint/template/interactive-supports-focus -- arrow keys bubble up from the focusable day buttons inside (roving focus) -->
      <div class="months" (keydown)="onKey($event)">
        @for (m of months(); track m.month) {
          <section class="month" [attr.aria-label]="'calendar.month' | at: { month: m.month }">
            <h3>{{ 'calendar.month' | at: { month: m.month } }}</h3>
            <div class="grid" role="grid">
              @for (w of weekdays(); track $index) {
                <span class="wd">{{ w }}</span>
              }
              @for (e of leads(m.lead); track $index) {
                <span></span>
              }
              @for (c of m.days; track c.day) {
                <button
                  type="button"
                  class="day"
                  [class]="'day cls-' + c.cls"
                  [class.local]="c.local"
                  [class.selected]="c.day === selectedDay()"
                  [attr.data-day]="c.day"
                  [attr.data-kind]="c.cls"
                  [attr.data-local]="c.local ? 'true' : null"
                  [attr.aria-pressed]="c.day === selectedDay()"
                  [attr.aria-label]="label(c)"
                  [attr.title]="label(c)"
                  [tabindex]="c.day === focusDay() ? 0 : -1"
                  (click)="select(c)"
                >
                  {{ c.date }}
                </button>
              }
            </div>
          </section>
        }
      </div>
      <aside class="panel" data-testid="day-panel">
        @if (selected(); as c) {
          <h3 data-testid="day-title">{{ c.day }}</h3>
          <div class="row">
            <nz-tag [nzColor]="c.working ? 'blue' : 'red'">{{ (c.working ? 'calendar.day.working' : 'calendar.day.rest') | at }}</nz-tag>
            @if (c.entry; as entry) {
              <span>{{ entry.name }}</span>
              <div class="muted">{{ (entry.source === 'local' ? 'calendar.day.source.local' : 'calendar.day.source.statutory') | at }}</div>
            } @else {
              <div class="muted">{{ 'calendar.day.none' | at }}</div>
            }
          </div>
          <form (ngSubmit)="setOverride()" data-testid="override-form">
            <label class="field" id="override-kind">{{ 'calendar.override.kind' | at }}</label>
            <nz-radio-group name="kind" [(ngModel)]="kind" aria-labelledby="override-kind">
              <label nz-radio nzValue="holiday">{{ 'calendar.override.holiday' | at }}</label>
              <label nz-radio nzValue="workday">{{ 'calendar.override.workday' | at }}</label>
            </nz-radio-group>
            <label class="field" for="override-reason">{{ 'calendar.override.reason' | at }}</label>
            <input
              nz-input
              id="override-reason"
              name="reason"
              [(ngModel)]="reason"
              maxlength="60"
              [placeholder]="'calendar.override.reasonPlaceholder' | at"
            />
            @if (error()) {
              <nz-alert nzType="error" nzShowIcon role="alert" [nzMessage]="error()!" style="margin-top: 8px" />
            }
            <div class="buttons">
              <button nz-button nzType="primary" type="submit" [disabled]="!reason.trim() || busy()" [nzLoading]="busy()">
                {{ 'calendar.override.set' | at }}
              </button>
              @if (c.local) {
                <button nz-button nzDanger type="button" data-action="remove-override" [disabled]="busy()" (click)="removeOverride()">
                  {{ 'calendar.override.remove' | at }}
                </button>
              }
            </div>
          </form>
        } @else {
          <p class="muted">{{ 'calendar.pickDay' | at }}</p>
        }
        <h3 style="margin-top: 16px">{{ 'calendar.log' | at }}</h3>
        <ul class="log" data-testid="calendar-log">
          @for (entry of log(); track $index) {
            <li>v{{ entry.version }} · {{ entry.at }}{{ entry.actor ? ' · ' + entry.actor : '' }} · {{ entry.text }}</li>
          } @empty {
            <li class="muted">{{ 'calendar.log.empty' | at }}</li>
          }
        </ul>
        <p class="muted">{{ 'calendar.log.note' | at }}</p>
      </aside>
    </div>

    <nz-modal [nzVisible]="importing()" [nzTitle]="importTitle()" [nzFooter]="null" (nzOnCancel)="importing.set(false)" [nzWidth]="600">
      <ng-container *nzModalContent>
        <p>{{ 'calendar.import.help' | at }}</p>
        <pre class="muted">{{ 'calendar.import.example' | at }}</pre>
        <label for="import-days" style="display: block; margin-bottom: 4px; font-weight: 500">{{ 'calendar.import.days' | at }}</label>
        <textarea nz-input id="import-days" rows="10" [ngModel]="importText()" (ngModelChange)="importText.set($event)"></textarea>
        <p class="muted" data-testid="import-parsed">{{ 'calendar.import.parsed' | at: parsedCounts() }}</p>
        @for (e of parsed().errors; track e.line) {
          <div class="muted" style="color: #cf1322">{{ 'calendar.import.lineError' | at: { line: e.line, text: e.text } }}</div>
        }
        @if (importError()) {
          <nz-alert nzType="error" nzShowIcon role="alert" [nzMessage]="importError()!" style="margin-top: 8px" />
        }
        <div style="display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin-top: 12px">
          <button nz-button type="button" (click)="importing.set(false)">{{ 'admin.cancel' | at }}</button>
          <button nz-button type="button" [disabled]="busy()" (click)="runImport(false)">{{ 'calendar.import.bundled' | at }}</button>
          <button
            nz-button
            nzType="primary"
            type="button"
            [disabled]="busy() || !parsed().days.length || parsed().errors.length > 0"
            (click)="runImport(true)"
          >
            {{ 'calendar.import.typed' | at }}
          </button>
        </div>
      </ng-container>
    </nz-modal>
  `,
})
export class WorkCalendarComponent {
  private readonly api = inject(AdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly at = inject(AdminI18n).t;
  private readonly message = inject(NzMessageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly year = signal(currentYear());
  protected readonly data = signal<CalendarYear | null>(null);
  protected readonly months = computed(() => {
    const d = this.data();
    return yearGrid(this.year(), d && d.year === this.year() ? d.days : []);
  });
  private readonly cells = computed(() => this.months().flatMap((m) => m.days));
  protected readonly selectedDay = signal<string | null>(null);
  protected readonly selected = computed(() => this.cells().find((c) => c.day === this.selectedDay()) ?? null);
  /** The one day cell in the tab order (roving tabindex): the selected day, else the 1st of January. */
  protected readonly focusDay = computed(() => this.selected()?.day ?? this.cells()[0]?.day);
  protected readonly weekdays = computed(() => this.at('calendar.weekdays').split(','));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly log = signal<LogEntry[]>([]);
  protected kind: CalendarDayKind = 'holiday';
  protected reason = '';

  protected readonly importing = signal(false);
  protected readonly importText = signal('');
  protected readonly importError = signal<string | null>(null);
  protected readonly parsed = computed(() => parseImport(this.importText()));
  protected readonly parsedCounts = computed(() => {
    const days = this.parsed().days;
    return { holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length };
  });
  protected readonly importTitle = computed(() => this.at('calendar.import.title', { year: this.year() }));

  constructor() {
    void this.load();
  }

  protected leads(n: number): number[] {
    return Array.from({ length: n }, (_, i) => i);
  }

  protected label(c: DayCell): string {
    const state = this.at(c.working ? 'calendar.day.working' : 'calendar.day.rest');
    return [c.day, state, c.entry?.name, c.local ? this.at('calendar.legend.local') : null].filter(Boolean).join(' · ');
  }

  async load(): Promise<void> {
    try {
      const [data] = await Promise.all([firstValueFrom(this.api.calendar(this.year())), this.loadLog()]);
      this.data.set(data);
    } catch {
      // the error interceptor has told the user
    }
  }

  /** The server's change log (every version: who changed which day or year, and when). */
  private async loadLog(): Promise<void> {
    const { items } = await firstValueFrom(this.api.calendarChanges(LOG_SIZE));
    this.log.set(items.map((c) => ({ version: c.version, at: beijingMinute(c.at), actor: c.actor, text: this.describe(c) })));
  }

  private describe(change: CalendarChange): string {
    const after = change.details['after'] as { kind?: CalendarDayKind; name?: string } | undefined;
    switch (change.action) {
      case 'set-day': {
        const kind = this.at(after?.kind === 'workday' ? 'calendar.override.workday' : 'calendar.override.holiday');
        return this.at('calendar.log.set', { day: change.day ?? '', kind, name: after?.name ?? '' });
      }
      case 'remove-day':
        return this.at('calendar.log.remove', { day: change.day ?? '' });
      case 'import':
        return this.at('calendar.log.import', { year: change.year ?? '' });
      default:
        return this.at('calendar.log.seed');
    }
  }

  protected go(delta: number): void {
    this.year.update((y) => Math.min(2100, Math.max(2000, y + delta)));
    this.selectedDay.set(null);
    void this.load();
  }

  protected select(c: DayCell): void {
    this.selectedDay.set(c.day);
    this.error.set(null);
    this.kind = c.local && c.entry ? c.entry.kind : c.working ? 'holiday' : 'workday';
    this.reason = c.local && c.entry ? c.entry.name : '';
  }

  /** Arrow keys move by a day or a week across the months; Home/End go to the year's ends. */
  protected onKey(event: KeyboardEvent): void {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const cells = this.cells();
    const index = cells.findIndex((c) => c.day === this.focusDay());
    let next: number | null = null;
    if (event.key in steps) next = index + steps[event.key];
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = cells.length - 1;
    if (next === null || index < 0) return;
    event.preventDefault();
    const cell = cells[Math.min(cells.length - 1, Math.max(0, next))];
    this.select(cell);
    queueMicrotask(() => this.host.nativeElement.querySelector<HTMLButtonElement>(`button[data-day="${cell.day}"]`)?.focus());
  }

  protected async setOverride(): Promise<void> {
    const c = this.selected();
    const name = this.reason.trim();
    if (!c || !name || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const status = await firstValueFrom(this.api.setDay(c.day, { kind: this.kind, name }));
      const kindText = this.at(this.kind === 'holiday' ? 'calendar.override.holiday' : 'calendar.override.workday');
      this.message.success(this.at('calendar.override.setDone', { day: c.day, kind: kindText, version: status.calendarVersion }));
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }

  protected async removeOverride(): Promise<void> {
    const c = this.selected();
    if (!c || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const status = await firstValueFrom(this.api.removeDay(c.day));
      this.message.success(this.at('calendar.override.removed', { day: c.day, version: status.calendarVersion }));
      await this.load();
      const after = this.selected();
      if (after) this.select(after);
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }

  protected openImport(): void {
    this.importError.set(null);
    this.importing.set(true);
  }

  protected async runImport(typed: boolean): Promise<void> {
    if (this.busy()) return;
    const year = this.year();
    this.busy.set(true);
    this.importError.set(null);
    try {
      const result = await firstValueFrom(this.api.importYear(year, typed ? { days: this.parsed().days } : {}));
      this.data.set(result);
      this.message.success(this.at('calendar.import.done', { year, version: result.calendarVersion }));
      await this.loadLog();
      this.importing.set(false);
    } catch (error) {
      this.importError.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }
}
