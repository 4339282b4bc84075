import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  checkDocument,
  checkRegistration,
  UPWARD_TYPES,
  DOC_TYPES,
  HANDLING_TYPES,
  RECEIPT_CHANNELS,
  SECRET_LEVELS,
  COPY_NUMBER_PATTERN,
  checkPaperCustody,
  ERROR_MESSAGES_ZH,
  URGENCIES,
  type CreateDocument,
  type DocTypeCode,
  type SecretLevel,
} from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocFieldComponent } from './doc-field.component';
import { BEIJING, beijingIso, beijingNowInput, controlError, secrecyPeriodOf, valueOr, violationFor } from './doc-form';
import { formViolations } from './field-violations';
import { NAME_SEPARATORS } from './doc-form';
import { FormSubmission } from './form-submission';
import { DocsI18n, DocsTranslatePipe, type DocsKey } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/** 收文登记: the incoming document's elements and its receipt, checked against the 条例 before sending. */
@Component({
  selector: 'app-incoming-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    NzAlertModule,
    NzButtonModule,
    NzInputModule,
    NzInputNumberModule,
    NzRadioModule,
    NzSelectModule,
    SelectLabelDirective,
    DocFieldComponent,
    DocsTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incoming-form.page.html',
  styleUrl: './doc-form.css',
  host: { class: 'page' },
})
export default class IncomingFormPage {
  private readonly api = inject(DocumentsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly docsI18n = inject(DocsI18n);

  protected readonly docTypes = DOC_TYPES;
  protected readonly secretLevels = SECRET_LEVELS;
  protected readonly urgencies = URGENCIES;
  protected readonly channels = RECEIPT_CHANNELS;
  protected readonly handlingTypes = HANDLING_TYPES;
  protected readonly beijing = BEIJING;
  protected readonly separators = NAME_SEPARATORS;
  protected readonly upward = (docType: string) => UPWARD_TYPES.includes(docType as DocTypeCode);

  protected readonly form = inject(NonNullableFormBuilder).group({
    sourceOrg: ['', [Validators.required, Validators.maxLength(200)]],
    sourceDocNumber: ['', Validators.maxLength(60)],
    title: ['', [Validators.required, Validators.maxLength(200)]],
    docType: ['' as DocTypeCode | '', Validators.required],
    writtenDate: [''],
    mainRecipients: [[] as string[]],
    signers: [[] as string[]],
    secretLevel: ['NONE' as SecretLevel],
    secrecyValue: [null as number | null, [Validators.min(1), Validators.max(30)]],
    secrecyUnit: ['YEAR' as 'YEAR' | 'MONTH' | 'DAY'],
    secrecyCondition: ['', Validators.maxLength(200)],
    urgency: ['NONE' as (typeof URGENCIES)[number]],
    signedForAt: [beijingNowInput(), Validators.required],
    channel: ['EXCHANGE' as (typeof RECEIPT_CHANNELS)[number], Validators.required],
    handlingType: ['ACT' as (typeof HANDLING_TYPES)[number]],
    copies: [1, [Validators.required, Validators.min(1), Validators.max(10_000)]],
    timeLimitWorkdays: [null as number | null, [Validators.min(1), Validators.max(365)]],
    leadDept: [null as string | null],
    assistDepts: [[] as string[]],
    // 份号, 保管人, 存放位置 of the paper copy: required from 秘密 up (the server has the last word)
    copyNumber: ['', Validators.pattern(COPY_NUMBER_PATTERN)],
    custodian: ['', Validators.maxLength(40)],
    storageLocation: ['', Validators.maxLength(200)],
  });

  /** Re-read the form on every value, status or touch change (the form is not signal-based). */
  private readonly formTick = toSignal(this.form.events.pipe(map(() => ({}))), { initialValue: {} });
  protected readonly value = computed(() => (this.formTick(), this.form.getRawValue()));

  private readonly submission = new FormSubmission();
  protected readonly submitted = this.submission.submitted;
  protected readonly saving = this.submission.saving;
  protected readonly serverErrors = this.submission.serverErrors;
  /** The summary above the buttons: the server's refusal, or how many fields still need changes. */
  protected readonly failure = computed(() =>
    this.submission.summary(
      Math.max(Object.values(this.errors()).filter(Boolean).length, this.violations().length, this.form.invalid ? 1 : 0),
      this.docsI18n,
    ),
  );

  protected readonly orgs = rxResource({ stream: () => this.api.orgs() });

  protected readonly violations = computed(() => {
    const v = this.value();
    const { registration } = this.body();
    return formViolations([
      ...checkDocument(
        {
          direction: 'incoming',
          docType: v.docType || null,
          title: v.title,
          secretLevel: v.secretLevel,
          secrecyPeriod: secrecyPeriodOf(v),
          mainRecipients: v.mainRecipients,
          signers: v.signers,
          writtenDate: v.writtenDate || null,
        },
        'draft',
      ),
      ...checkRegistration({ urgency: v.urgency }, registration, 'incoming'),
    ]);
  });

  /** 办理期限 from the working-day calendar, recomputed when 签收时间 or 时限 change. */
  protected readonly due = rxResource({
    params: () => {
      const v = this.value();
      const from = beijingIso(v.signedForAt);
      const days = v.timeLimitWorkdays;
      return from && days && Number.isInteger(days) && days >= 1 && days <= 365 ? { from, days } : undefined;
    },
    stream: ({ params }) => this.api.due(params.from, params.days),
  });

  protected readonly orgList = computed(() => valueOr(this.orgs, undefined) ?? []);
  protected readonly dueValue = computed(() => valueOr(this.due, undefined));

  /** Messages per field: validators first, then the 条例 rules and the server's details. */
  protected readonly errors = computed(() => {
    this.value();
    const c = this.form.controls;
    const show = (name: keyof typeof c) => this.submitted() || c[name].touched;
    const server = this.serverErrors().map(this.docsI18n.rule);
    const local = this.violations().map(this.docsI18n.rule);
    const t = this.docsI18n;
    const pick = (name: keyof typeof c, key: DocsKey, kind: 'input' | 'select' = 'input', range?: { min: number; max: number }) =>
      (show(name) ? controlError(c[name], key, t, kind, range) : null) ??
      violationFor(name, server, this.submitted() || c[name].touched ? local : []);
    const assistIsLead = !!c.leadDept.value && c.assistDepts.value.includes(c.leadDept.value);
    return {
      sourceOrg: pick('sourceOrg', 'docs.field.sourceOrg'),
      sourceDocNumber: pick('sourceDocNumber', 'docs.field.sourceDocNumber'),
      mainRecipients: violationFor('mainRecipients', server, show('mainRecipients') || show('docType') ? local : []),
      signers: violationFor('signers', server, show('signers') || show('docType') ? local : []),
      title: pick('title', 'docs.field.title'),
      docType: pick('docType', 'docs.field.docType', 'select'),
      writtenDate: violationFor('writtenDate', server, []),
      secrecyPeriod:
        (show('secrecyValue') ? controlError(c.secrecyValue, 'docs.field.secrecyPeriod', t, 'input', { min: 1, max: 30 }) : null) ??
        violationFor('secrecyPeriod', server, this.submitted() ? local : []),
      signedForAt: pick('signedForAt', 'docs.field.signedForAt') ?? violationFor('signedForAt', server, show('signedForAt') ? local : []),
      channel: pick('channel', 'docs.field.channel', 'select'),
      copies: pick('copies', 'docs.field.copies', 'input', { min: 1, max: 10_000 }),
      timeLimitWorkdays: pick('timeLimitWorkdays', 'docs.field.timeLimit'),
      custody: (() => {
        const code = this.submitted() ? checkPaperCustody(c.secretLevel.value, this.form.getRawValue()) : null;
        return code ? ERROR_MESSAGES_ZH[code] : null;
      })(),
      leadDept: pick('leadDept', 'docs.field.leadDept', 'select'),
      assistDepts: assistIsLead ? t.t('docs.err.assistIsLead') : violationFor('assistDepts', server, []),
    };
  });

  /** Server details on fields this form does not show are listed above the buttons. */
  protected readonly otherServerErrors = computed(() => {
    const shown = new Set(Object.keys(this.errors()).concat('secrecyValue'));
    return this.serverErrors()
      .filter((v) => !shown.has(v.field))
      .map(this.docsI18n.rule);
  });

  protected readonly classified = computed(() => this.value().secretLevel !== 'NONE');

  submit(): Promise<void> {
    return this.submission.run(
      () => !!this.failure(),
      () => this.focusFirstInvalid(),
      this.i18n,
      async () => {
        const created = await this.api.create(this.body());
        this.message.success(this.docsI18n.t('docs.created.incoming', { regNo: created.registration?.regNo ?? '' }));
        await this.router.navigate(['/documents', created.id]);
      },
    );
  }

  private body(): CreateDocument {
    const v = this.form.getRawValue();
    return {
      direction: 'incoming',
      docType: v.docType as DocTypeCode,
      title: v.title.trim(),
      secretLevel: v.secretLevel,
      secrecyPeriod: secrecyPeriodOf(v),
      urgency: v.urgency,
      issuer: v.sourceOrg.trim(),
      writtenDate: v.writtenDate || null,
      mainRecipients: v.mainRecipients,
      signers: v.signers,
      ...(v.secretLevel !== 'NONE'
        ? {
            copyNumber: v.copyNumber.trim() || null,
            custodian: v.custodian.trim() || null,
            storageLocation: v.storageLocation.trim() || null,
          }
        : {}),
      registration: {
        sourceOrg: v.sourceOrg.trim(),
        sourceDocNumber: v.sourceDocNumber.trim() || null,
        signedForAt: beijingIso(v.signedForAt) ?? v.signedForAt,
        channel: v.channel,
        handlingType: v.handlingType,
        copies: v.copies,
        timeLimitWorkdays: v.timeLimitWorkdays || null,
        leadDept: v.leadDept || null,
        assistDepts: v.assistDepts,
      },
    };
  }

  private focusFirstInvalid(): void {
    // After the messages render: the first field with an error gets the focus (keyboard users land on it).
    setTimeout(() => {
      const field = this.host.nativeElement.querySelector('.doc-field-invalid');
      field?.querySelector<HTMLElement>('input, textarea, .ant-select-selection-search-input, [tabindex]')?.focus();
    });
  }
}
