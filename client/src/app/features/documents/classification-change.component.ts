import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SECRET_LEVELS, type OfficialDocument, type SecretLevel } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/**
 * 变更密级: the security admin's action on a document — the new 密级 with a mandatory reason
 * and, for a classified level, the paper copy's 份号, 保管人, 存放位置 and 保密期限 in years. The
 * server refuses a raise while the document holds an electronic body or attachments; its
 * refusal shows under the form.
 */
@Component({
  selector: 'app-classification-change',
  imports: [FormsModule, NzButtonModule, NzInputModule, NzSelectModule, SelectLabelDirective, DocsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!open()) {
      <button nz-button nzSize="small" type="button" id="doc-classification-change" (click)="start()">
        {{ 'docs.classification.change' | dt }}
      </button>
    } @else {
      <form class="classification-form" (ngSubmit)="submit()" [attr.aria-label]="'docs.classification.change' | dt">
        <label for="cls-level">{{ 'docs.classification.newLevel' | dt }}</label>
        <nz-select nzId="cls-level" name="level" [(ngModel)]="level" style="width: 120px">
          @for (l of levels; track l) {
            <nz-option [nzValue]="l" [nzLabel]="docsI18n.label('secret', l)" />
          }
        </nz-select>
        @if (level !== 'NONE') {
          <label for="cls-years">{{ 'docs.field.secrecyPeriod' | dt }}</label>
          <input nz-input id="cls-years" name="years" type="number" min="1" max="30" [(ngModel)]="years" style="width: 80px" />
          <label for="cls-copy">{{ 'docs.field.copyNumber' | dt }}</label>
          <input nz-input id="cls-copy" name="copyNumber" maxlength="6" [(ngModel)]="copyNumber" style="width: 100px" />
          <label for="cls-custodian">{{ 'docs.field.custodian' | dt }}</label>
          <input nz-input id="cls-custodian" name="custodian" maxlength="40" [(ngModel)]="custodian" />
          <label for="cls-location">{{ 'docs.field.storageLocation' | dt }}</label>
          <input nz-input id="cls-location" name="storageLocation" maxlength="200" [(ngModel)]="storageLocation" />
        }
        <label for="cls-reason">{{ 'docs.classification.reason' | dt }}</label>
        <input nz-input id="cls-reason" name="reason" maxlength="500" autocomplete="off" [(ngModel)]="reason" />
        <button nz-button nzType="primary" type="submit" [nzLoading]="busy()">{{ 'docs.classification.submit' | dt }}</button>
        <button nz-button type="button" (click)="open.set(false)">{{ 'docs.classification.cancel' | dt }}</button>
      </form>
    }
    <div id="doc-classification-msg" class="classification-msg" role="alert">{{ failure() ?? '' }}</div>
  `,
  styles: `
    :host {
      display: block;
    }
    .classification-form {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    .classification-msg {
      color: #cf1322;
    }
    .classification-msg:empty {
      display: none;
    }
  `,
})
export class ClassificationChangeComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18nService);
  private readonly message = inject(NzMessageService);
  protected readonly docsI18n = inject(DocsI18n);

  readonly doc = input.required<Pick<OfficialDocument, 'id' | 'secretLevel' | 'copyNumber' | 'custodian' | 'storageLocation'>>();
  /** Emitted after a change: the page reloads the document. */
  readonly changed = output<void>();

  protected readonly levels = SECRET_LEVELS;
  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected level: SecretLevel = 'NONE';
  protected years: number | null = null;
  protected copyNumber = '';
  protected custodian = '';
  protected storageLocation = '';
  protected reason = '';

  protected start(): void {
    const d = this.doc();
    this.level = d.secretLevel;
    this.copyNumber = d.copyNumber ?? '';
    this.custodian = d.custodian ?? '';
    this.storageLocation = d.storageLocation ?? '';
    this.reason = '';
    this.failure.set(null);
    this.open.set(true);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const reason = this.reason.trim();
    if (!reason) {
      this.failure.set(this.docsI18n.t('docs.action.reasonRequired'));
      return;
    }
    const classified = this.level !== 'NONE';
    this.busy.set(true);
    this.failure.set(null);
    try {
      const change = await this.api.changeClassification(this.doc().id, {
        secretLevel: this.level,
        reason,
        ...(classified
          ? {
              ...(this.years ? { secrecyPeriod: { value: Number(this.years), unit: 'YEAR' as const } } : {}),
              copyNumber: this.copyNumber.trim() || null,
              custodian: this.custodian.trim() || null,
              storageLocation: this.storageLocation.trim() || null,
            }
          : {}),
      });
      this.open.set(false);
      this.message.success(
        this.docsI18n.t('docs.classification.done', {
          from: this.docsI18n.label('secret', change.fromLevel),
          to: this.docsI18n.label('secret', change.toLevel),
        }),
      );
      this.changed.emit();
    } catch (error) {
      this.failure.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }
}
