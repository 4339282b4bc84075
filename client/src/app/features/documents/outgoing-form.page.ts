import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  checkDocument,
  DISCLOSURES,
  DOC_TYPES,
  DOCUMENT_RULES,
  ORG_CODE_PATTERN,
  COPY_NUMBER_PATTERN,
  checkPaperCustody,
  ERROR_MESSAGES_ZH,
  SECRET_LEVELS,
  URGENCIES,
  type CreateDocument,
  type DocumentDetail,
  type DocTypeCode,
  type Disclosure,
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
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { apiErrorText } from '../../core/http/api-error';
import { EligibleApi } from '../../shared/eligible-api.service';
import { OrgPickerComponent } from '../../shared/org-picker.component';
import { WorkflowApiService } from '../../shared/workflow-api.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { AttachmentUploadComponent } from './attachment-upload.component';
import { DocFieldComponent } from './doc-field.component';
import { NAME_SEPARATORS, controlError, secrecyPeriodOf, valueOr, violationFor } from './doc-form';
import { formViolations } from './field-violations';
import { FormSubmission } from './form-submission';
import { DocsI18n, DocsTranslatePipe, type DocsKey } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/**
 * 拟稿: an outgoing draft with the GB/T 9704 elements in their order; attachments upload after saving.
 * With an `:id` (route `:id/edit`) it edits that draft: PATCH, a new version with its digest.
 */
@Component({
  selector: 'app-outgoing-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzInputModule,
    NzInputNumberModule,
    NzRadioModule,
    NzSelectModule,
    SelectLabelDirective,
    AttachmentUploadComponent,
    DocFieldComponent,
    DocsTranslatePipe,
    OrgPickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outgoing-form.page.html',
  styleUrl: './doc-form.css',
  host: { class: 'page' },
})
export default class OutgoingFormPage {
  private readonly api = inject(DocumentsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly docsI18n = inject(DocsI18n);
  private readonly attachments = viewChild(AttachmentUploadComponent);
  private readonly eligible = inject(EligibleApi);
  private readonly workflow = inject(WorkflowApiService);

  /** The draft being edited (route `:id/edit`); none when drafting a new one. */
  readonly id = input<string | undefined>(undefined);
  /** `?returnTo=/tasks/<id>`: 修改文稿 opened from the 拟稿 task page goes back there once saved (only a task page). */
  readonly returnTo = input<string | undefined>(undefined);
  protected readonly editing = computed(() => !!this.id());
  private readonly draft = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly draftFailed = computed(() => !!this.draft.error());
  protected readonly draftLoaded = computed(() => this.draft.hasValue());
  protected readonly cancelLink = computed(() => (this.id() ? ['/documents', this.id()] : ['/documents']));

  protected readonly docTypes = DOC_TYPES;
  protected readonly secretLevels = SECRET_LEVELS;
  protected readonly urgencies = URGENCIES;
  protected readonly disclosures = DISCLOSURES;
  protected readonly separators = NAME_SEPARATORS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    docType: ['' as DocTypeCode | '', Validators.required],
    title: ['', [Validators.required, Validators.maxLength(200)]],
    secretLevel: ['NONE' as SecretLevel],
    secrecyValue: [null as number | null, [Validators.min(1), Validators.max(30)]],
    secrecyUnit: ['YEAR' as 'YEAR' | 'MONTH' | 'DAY'],
    secrecyCondition: ['', Validators.maxLength(200)],
    urgency: ['NONE' as (typeof URGENCIES)[number]],
    issuer: [inject(AuthService).user()?.orgName ?? '', Validators.maxLength(200)],
    orgCode: ['', [Validators.maxLength(20), Validators.pattern(ORG_CODE_PATTERN)]],
    signers: [[] as string[]],
    mainRecipients: [[] as string[]],
    ccRecipients: [[] as string[]],
    note: ['', Validators.maxLength(500)],
    disclosure: ['ON_REQUEST' as Disclosure],
    disclosureReason: ['', Validators.maxLength(500)],
    body: ['', Validators.maxLength(200_000)],
    // 份号, 保管人, 存放位置 of the paper copy: required from 秘密 up (the server has the last word)
    copyNumber: ['', Validators.pattern(COPY_NUMBER_PATTERN)],
    custodian: ['', Validators.maxLength(40)],
    storageLocation: ['', Validators.maxLength(200)],
  });

  private readonly formTick = toSignal(this.form.events.pipe(map(() => ({}))), { initialValue: {} });
  protected readonly value = computed(() => (this.formTick(), this.form.getRawValue()));
  protected readonly classified = computed(() => this.value().secretLevel !== 'NONE');

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

  /**
   * 签发人 and 会签 of the new draft: chosen among the people the 发文 model allows (the server's
   * one rule, GET /eligible), sent with the 拟稿 completion that 保存并送核稿 makes.
   */
  protected readonly signOffBy = signal<string[]>([]);
  protected readonly countersigners = signal<string[]>([]);
  private readonly issuerStep = rxResource({
    params: () => (this.id() ? undefined : 'issuer'),
    stream: ({ params }) => this.eligible.forProcess('outgoing-document', params),
  });
  private readonly countersignStep = rxResource({
    params: () => (this.id() ? undefined : 'countersigners'),
    stream: ({ params }) => this.eligible.forProcess('outgoing-document', params),
  });
  protected readonly issuers = computed(() => valueOr(this.issuerStep, undefined) ?? null);
  protected readonly countersignPeople = computed(() => valueOr(this.countersignStep, undefined) ?? null);
  protected readonly pickersLoading = computed(() => this.issuerStep.isLoading() || this.countersignStep.isLoading());
  protected readonly pickersFailed = computed(() => !!this.issuerStep.error() || !!this.countersignStep.error());

  /** Organ names offered for 主送/抄送; any other name or a 统称 can be typed. */
  private readonly orgs = rxResource({ stream: () => this.api.orgs().pipe(map((orgs) => orgs.map((o) => o.name))) });
  protected readonly orgNames = computed(() => valueOr(this.orgs, undefined) ?? []);

  constructor() {
    // the draft's elements fill the form once they arrive (edit mode)
    effect(() => {
      const d = valueOr(this.draft, undefined);
      if (d) untracked(() => this.fill(d));
    });
    // 条例 第三十条 / 保密法: a classified document has no electronic body here and is never public.
    // Marking it 无 again gives back the 公开属性 chosen before (and drops the reason filled in here).
    let before: { disclosure: Disclosure; reason: string } | null = null;
    effect(() => {
      const { body, disclosure, disclosureReason } = this.form.controls;
      if (this.classified()) {
        if (body.enabled) body.disable();
        if (disclosure.value !== 'NOT_PUBLIC') {
          before = { disclosure: disclosure.value, reason: disclosureReason.value };
          disclosure.setValue('NOT_PUBLIC');
          if (!disclosureReason.value.trim()) disclosureReason.setValue(this.docsI18n.t('docs.classified.disclosureReason'));
        }
      } else {
        if (body.disabled) body.enable();
        if (before && disclosure.value === 'NOT_PUBLIC') {
          disclosure.setValue(before.disclosure);
          disclosureReason.setValue(before.reason);
        }
        before = null;
      }
    });
  }

  protected readonly violations = computed(() => {
    const v = this.value();
    return formViolations(
      checkDocument(
        {
          direction: 'outgoing',
          docType: v.docType || null,
          title: v.title,
          secretLevel: v.secretLevel,
          secrecyPeriod: secrecyPeriodOf(v),
          mainRecipients: v.mainRecipients,
          signers: v.signers,
          disclosure: v.disclosure,
          disclosureReason: v.disclosureReason,
          attachmentNotes: this.attachments()?.names() ?? [],
          writtenDate: null,
          orgCode: v.orgCode.trim() || null,
        },
        'draft',
      ),
    );
  });

  protected readonly errors = computed(() => {
    this.value();
    const c = this.form.controls;
    const server = this.serverErrors().map(this.docsI18n.rule);
    const local = this.violations().map(this.docsI18n.rule);
    const t = this.docsI18n;
    const shown = (name: keyof typeof c) => this.submitted() || c[name].touched;
    const pick = (name: keyof typeof c, key: DocsKey, kind: 'input' | 'select' = 'input') =>
      (shown(name) ? controlError(c[name], key, t, kind) : null) ?? violationFor(name, server, shown(name) ? local : []);
    return {
      docType: pick('docType', 'docs.field.docType', 'select'),
      title: pick('title', 'docs.field.title'),
      secrecyPeriod:
        (shown('secrecyValue') ? controlError(c.secrecyValue, 'docs.field.secrecyPeriod', t, 'input', { min: 1, max: 30 }) : null) ??
        violationFor('secrecyPeriod', server, this.submitted() ? local : []),
      issuer: pick('issuer', 'docs.field.issuer'),
      orgCode:
        (shown('orgCode') && c.orgCode.errors?.['pattern']
          ? this.docsI18n.rule({ field: 'orgCode', rule: 'ORG_CODE_FORMAT', message: DOCUMENT_RULES.ORG_CODE_FORMAT }).message
          : null) ?? pick('orgCode', 'docs.field.orgCode'),
      signers: violationFor('signers', server, this.submitted() ? local : []),
      mainRecipients: violationFor('mainRecipients', server, this.submitted() ? local : []),
      ccRecipients: violationFor('ccRecipients', server, []),
      note: pick('note', 'docs.field.note'),
      disclosure: violationFor('disclosure', server, this.submitted() ? local : []),
      disclosureReason: pick('disclosureReason', 'docs.field.disclosureReason'),
      body: pick('body', 'docs.field.body') ?? violationFor('body', server, []),
      custody: this.custodyError(),
      attachments: violationFor('attachments', server, []) ?? violationFor('attachmentNotes', server, local),
    };
  });

  protected readonly otherServerErrors = computed(() => {
    const shown = new Set([...Object.keys(this.errors()), 'secrecyValue', 'attachmentNotes']);
    return this.serverErrors()
      .filter((v) => !shown.has(v.field))
      .map(this.docsI18n.rule);
  });

  /** The first custody rule a classified draft breaks, once submitted (Chinese text of its error code). */
  private readonly custodyError = computed(() => {
    const v = this.value();
    const code = this.submitted() ? checkPaperCustody(v.secretLevel, v) : null;
    return code ? ERROR_MESSAGES_ZH[code] : null;
  });

  submit(): Promise<void> {
    return this.submission.run(
      () => !!this.failure(),
      () => this.focusFirstInvalid(),
      this.i18n,
      async () => {
        const id = this.id();
        if (id) {
          // 密级 and 保密期限 are read-only here: changing them is the security admin's 变更密级
          const { direction: _direction, attachmentNotes: _notes, secretLevel: _level, secrecyPeriod: _period, ...fields } = this.body();
          const saved = await this.api.update(id, fields);
          this.message.success(this.docsI18n.t('docs.edited', { version: saved.version }));
          const back = this.returnTo();
          if (back && /^\/tasks\/[0-9a-z]{26}$/.test(back)) await this.router.navigateByUrl(back);
          else await this.router.navigate(['/documents', id]);
          return;
        }
        const created = await this.api.create(this.body());
        const uploads = this.attachments();
        const allUploaded = uploads ? await uploads.uploadAll(created.id) : true;
        // A refused attachment stays on screen with its reason; the draft itself is saved and not sent yet.
        if (!allUploaded) {
          this.message.success(this.docsI18n.t('docs.created.outgoing'));
          return;
        }
        await this.sendToReview(created);
      },
    );
  }

  /**
   * 送核稿: completes the new draft's 拟稿 task with the 签发人 and 会签 chosen here. A refusal
   * (the server has the last word on who is eligible) leaves the draft saved and opens its 拟稿
   * task with the reason, where it can be sent again.
   */
  private async sendToReview(created: DocumentDetail): Promise<void> {
    const tasks = created.instanceId
      ? await firstValueFrom(this.workflow.tasks({ instanceId: created.instanceId, status: 'open' }))
      : { items: [] };
    const draft = tasks.items.find((t) => t.elementId === 'draft');
    if (!draft) {
      this.message.success(this.docsI18n.t('docs.created.outgoing'));
      await this.router.navigate(['/documents', created.id]);
      return;
    }
    const [issuer] = this.signOffBy();
    try {
      await firstValueFrom(
        this.workflow.complete(draft.id, { variables: { ...(issuer ? { issuer } : {}), countersigners: this.countersigners() } }),
      );
    } catch (error) {
      this.message.error(this.docsI18n.t('docs.sendFailed', { reason: apiErrorText(error, this.i18n) }));
      await this.router.navigate(['/tasks', draft.id]);
      return;
    }
    this.message.success(this.docsI18n.t('docs.sentToReview'));
    await this.router.navigate(['/documents', created.id]);
  }

  private body(): CreateDocument {
    const v = this.form.getRawValue();
    const classified = v.secretLevel !== 'NONE';
    return {
      direction: 'outgoing',
      docType: v.docType as DocTypeCode,
      title: v.title.trim(),
      secretLevel: v.secretLevel,
      secrecyPeriod: secrecyPeriodOf(v),
      urgency: v.urgency,
      issuer: v.issuer.trim(),
      orgCode: v.orgCode.trim() || null,
      signers: v.signers,
      mainRecipients: v.mainRecipients,
      ccRecipients: v.ccRecipients,
      note: v.note.trim() || null,
      disclosure: v.disclosure,
      disclosureReason: v.disclosure === 'NOT_PUBLIC' ? v.disclosureReason.trim() || null : null,
      attachmentNotes: classified ? [] : (this.attachments()?.names() ?? []),
      body: classified ? null : v.body || null,
      ...(classified
        ? {
            copyNumber: v.copyNumber.trim() || null,
            custodian: v.custodian.trim() || null,
            storageLocation: v.storageLocation.trim() || null,
          }
        : {}),
    };
  }

  /** The form as the draft is now. */
  private fill(d: DocumentDetail): void {
    const period = d.secrecyPeriod;
    this.form.reset({
      docType: d.docType,
      title: d.title,
      secretLevel: d.secretLevel,
      secrecyValue: period && 'value' in period ? period.value : null,
      secrecyUnit: period && 'unit' in period ? period.unit : 'YEAR',
      secrecyCondition: period && 'condition' in period ? period.condition : '',
      urgency: d.urgency,
      issuer: d.issuer,
      orgCode: d.orgCode ?? '',
      signers: d.signers,
      mainRecipients: d.mainRecipients,
      ccRecipients: d.ccRecipients,
      note: d.note ?? '',
      disclosure: d.disclosure,
      disclosureReason: d.disclosureReason ?? '',
      body: d.body ?? '',
      copyNumber: d.copyNumber ?? '',
      custodian: d.custodian ?? '',
      storageLocation: d.storageLocation ?? '',
    });
    // a draft's 密级 and 保密期限 are read-only: changing them is the security admin's 变更密级
    for (const name of ['secretLevel', 'secrecyValue', 'secrecyUnit', 'secrecyCondition'] as const) this.form.controls[name].disable();
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      const field = this.host.nativeElement.querySelector('.doc-field-invalid');
      field?.querySelector<HTMLElement>('input, textarea, .ant-select-selection-search-input, [tabindex]')?.focus();
    });
  }
}
