import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  SECRET_LEVEL_NAMES,
  SECRET_LEVELS,
  type ChangeClassification,
  type ClassificationChange,
  type SecretLevel,
} from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { AdminApiService } from './admin-api.service';
import { AdminI18n, AdminTranslatePipe, type AdminKey } from './admin-i18n';

type PeriodUnit = 'YEAR' | 'MONTH' | 'DAY';

/**
 * 变更密级 on the security admin's page: the admin needs no read access to the document, so the
 * requester (drafter or office) gives its 公文编号 (the ID on the document page). At 秘密 and above
 * the form asks for the 保密期限 and the paper copy's 份号, 保管人, 存放位置; the reason is mandatory.
 * Shows the recorded change, or the server's refusal in Chinese.
 */
@Component({
  selector: 'app-classification-change-form',
  imports: [FormsModule, DatePipe, NzButtonModule, NzInputModule, NzSelectModule, SelectLabelDirective, AdminTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="muted">{{ 'reclass.intro' | at }}</p>
    <form class="reclass-form" (ngSubmit)="submit()" [attr.aria-label]="'reclass.tab' | at">
      <label for="reclass-doc-id">{{ 'reclass.docId' | at }}</label>
      <input
        nz-input
        id="reclass-doc-id"
        name="docId"
        autocomplete="off"
        maxlength="64"
        aria-describedby="reclass-doc-id-hint"
        [(ngModel)]="docId"
      />
      <small id="reclass-doc-id-hint" class="hint">{{ 'reclass.docIdHint' | at }}</small>

      <label for="reclass-level">{{ 'reclass.level' | at }}</label>
      <nz-select nzId="reclass-level" name="level" [(ngModel)]="level">
        @for (l of levels; track l) {
          <nz-option [nzValue]="l" [nzLabel]="levelNames[l]" />
        }
      </nz-select>

      @if (level !== 'NONE') {
        <div class="classified" data-testid="reclass-classified">
          <label for="reclass-period">{{ 'reclass.period' | at }}</label>
          <div class="period">
            <input nz-input id="reclass-period" name="periodValue" type="number" min="1" max="1200" [(ngModel)]="periodValue" />
            <nz-select nzId="reclass-unit" name="periodUnit" [(ngModel)]="periodUnit" [attr.aria-label]="'reclass.period' | at">
              @for (u of units; track u) {
                <nz-option [nzValue]="u" [nzLabel]="unitKey(u) | at" />
              }
            </nz-select>
          </div>
          <label for="reclass-copy">{{ 'reclass.copyNumber' | at }}</label>
          <input nz-input id="reclass-copy" name="copyNumber" maxlength="6" [(ngModel)]="copyNumber" />
          <label for="reclass-custodian">{{ 'reclass.custodian' | at }}</label>
          <input nz-input id="reclass-custodian" name="custodian" maxlength="40" [(ngModel)]="custodian" />
          <label for="reclass-location">{{ 'reclass.storageLocation' | at }}</label>
          <input nz-input id="reclass-location" name="storageLocation" maxlength="200" [(ngModel)]="storageLocation" />
        </div>
      }

      <label for="reclass-reason">{{ 'reclass.reason' | at }}</label>
      <textarea nz-input id="reclass-reason" name="reason" rows="2" maxlength="500" [(ngModel)]="reason"></textarea>

      <div>
        <button nz-button nzType="primary" type="submit" id="reclass-submit" [nzLoading]="busy()">{{ 'reclass.submit' | at }}</button>
      </div>
    </form>
    <div id="reclass-error" class="reclass-error" role="alert">{{ failure() ?? '' }}</div>
    @if (result(); as r) {
      <dl class="reclass-result" id="reclass-result" role="status">
        <dt>{{ 'reclass.done' | at }}</dt>
        <dd data-testid="reclass-change">{{ 'reclass.change' | at: { from: levelNames[r.fromLevel], to: levelNames[r.toLevel] } }}</dd>
        <dt>{{ 'reclass.docId' | at }}</dt>
        <dd class="mono">{{ r.documentId }}</dd>
        <dt>{{ 'reclass.reason' | at }}</dt>
        <dd>{{ r.reason }}</dd>
        <dt>{{ 'reclass.at' | at }}</dt>
        <dd>{{ r.changedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
      </dl>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 560px;
    }
    .reclass-form,
    .classified {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .period {
      display: flex;
      gap: 8px;
    }
    .period input {
      flex: 1 1 auto;
      min-width: 0;
    }
    .period nz-select {
      flex: none;
      width: 80px;
    }
    .hint {
      color: #5c6b7a;
    }
    .reclass-error {
      color: #cf1322;
      margin-top: 8px;
    }
    .reclass-error:empty {
      display: none;
    }
    .reclass-result {
      margin-top: 12px;
      padding: 8px 12px;
      border: 1px solid #b7eb8f;
      background: #f6ffed;
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
    }
    .reclass-result dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: monospace;
    }
  `,
})
export class ClassificationChangeFormComponent {
  private readonly api = inject(AdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly adminI18n = inject(AdminI18n);

  protected readonly levels = SECRET_LEVELS;
  protected readonly levelNames = SECRET_LEVEL_NAMES;
  protected readonly units: readonly PeriodUnit[] = ['YEAR', 'MONTH', 'DAY'];
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly result = signal<ClassificationChange | null>(null);
  protected docId = '';
  protected level: SecretLevel = 'NONE';
  protected periodValue: number | null = null;
  protected periodUnit: PeriodUnit = 'YEAR';
  protected copyNumber = '';
  protected custodian = '';
  protected storageLocation = '';
  protected reason = '';

  protected unitKey(unit: PeriodUnit): AdminKey {
    return `reclass.unit.${unit}`;
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    // the page's address pasted whole names the document by its last id
    const id = /[0-9a-z]{26}(?=[^0-9a-z]*$)/.exec(this.docId.trim())?.[0] ?? this.docId.trim();
    const reason = this.reason.trim();
    this.result.set(null);
    const missing = !id ? 'reclass.docIdRequired' : !reason ? 'reclass.reasonRequired' : null;
    if (missing) {
      this.failure.set(this.adminI18n.t(missing));
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.result.set(await firstValueFrom(this.api.changeClassification(id, this.body(reason))));
    } catch (error) {
      this.failure.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }

  private body(reason: string): ChangeClassification {
    if (this.level === 'NONE') return { secretLevel: 'NONE', reason };
    return {
      secretLevel: this.level,
      reason,
      ...(this.periodValue ? { secrecyPeriod: { value: Number(this.periodValue), unit: this.periodUnit } } : {}),
      copyNumber: this.copyNumber.trim() || null,
      custodian: this.custodian.trim() || null,
      storageLocation: this.storageLocation.trim() || null,
    };
  }
}
