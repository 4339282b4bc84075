import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DOC_TYPE_NAMES, type DocumentDetail } from '@liuzhuan/contracts';
import { RecordVerificationApi } from '../../shared/record-verification-api.service';
import { RecordVerificationComponent } from '../../shared/record-verification.component';
import { UserNames } from '../../shared/user-names.service';
import { BEIJING } from './doc-form';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { type SheetOpinionView, sheetBlocks } from './sheet-blocks';

/**
 * The 公文处理单 as the paper form lays it out — 收文处理笺 for an incoming document, 发文稿纸 for an
 * outgoing one: the office at the head, the registered fields, 主办/协办 or 签发人, and every
 * opinion in full with its signer ("B（代A）") and time. The print view shows it alone on A4.
 */
@Component({
  selector: 'app-processing-sheet',
  imports: [DatePipe, DocsTranslatePipe, RecordVerificationComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './processing-sheet.component.css',
  template: `
    @let d = doc();
    <header class="sheet-head">
      <div class="sheet-office">{{ d.handling.office }}</div>
      <h1 class="sheet-title">{{ (d.direction === 'incoming' ? 'docs.sheet.incoming' : 'docs.sheet.outgoing') | dt }}</h1>
    </header>
    <table class="sheet-grid">
      <colgroup>
        <col class="label" />
        <col />
        <col class="label" />
        <col />
      </colgroup>
      <tbody>
        @if (d.direction === 'incoming') {
          <tr>
            <th scope="row">{{ 'docs.field.sourceOrg' | dt }}</th>
            <td>{{ d.registration?.sourceOrg ?? d.issuer }}</td>
            <th scope="row">{{ 'docs.field.sourceDocNumber' | dt }}</th>
            <td>{{ d.registration?.sourceDocNumber ?? '' }}</td>
          </tr>
          <tr>
            <th scope="row">{{ 'docs.field.regNo' | dt }}</th>
            <td data-testid="sheet-reg-no">{{ d.registration?.regNo ?? '' }}</td>
            <th scope="row">{{ 'docs.field.signedForAt' | dt }}</th>
            <td>{{ d.registration?.signedForAt | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
          </tr>
        } @else {
          <tr>
            <th scope="row">{{ 'docs.field.docType' | dt }}</th>
            <td>{{ typeNames[d.docType] }}</td>
            <th scope="row">{{ 'docs.field.docNumber' | dt }}</th>
            <td>{{ d.docNumber ?? '' }}</td>
          </tr>
        }
        <tr>
          <th scope="row">{{ 'docs.field.secretLevel' | dt }}</th>
          <td>{{ i18n.label('secret', d.secretLevel) }}</td>
          <th scope="row">{{ 'docs.field.urgency' | dt }}</th>
          <td>{{ i18n.label('urgency', d.urgency) }}</td>
        </tr>
        <tr>
          <th scope="row">{{ 'docs.field.title' | dt }}</th>
          <td colspan="3" class="sheet-doc-title">{{ d.title }}</td>
        </tr>
        @if (d.direction === 'incoming') {
          <tr>
            <th scope="row">{{ 'docs.field.handlingType' | dt }}</th>
            <td>{{ d.registration ? i18n.label('handling', d.registration.handlingType) : '' }}</td>
            <th scope="row">{{ 'docs.field.dueAt' | dt }}</th>
            <td>{{ d.registration?.dueAt | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
          </tr>
          <tr>
            <th scope="row">{{ 'docs.sheet.lead' | dt }}</th>
            <td data-testid="sheet-lead">{{ d.handling.leadDept?.name ?? ('docs.sheet.none' | dt) }}</td>
            <th scope="row">{{ 'docs.sheet.assist' | dt }}</th>
            <td data-testid="sheet-assist">{{ assistNames() || ('docs.sheet.none' | dt) }}</td>
          </tr>
        } @else {
          <tr>
            <th scope="row">{{ 'docs.field.mainRecipients' | dt }}</th>
            <td colspan="3">{{ d.mainRecipients.join('，') }}</td>
          </tr>
          <tr>
            <th scope="row">{{ 'docs.sheet.drafter' | dt }}</th>
            <td>{{ names.name(d.createdBy) }}</td>
            <th scope="row">{{ 'docs.sheet.draftedAt' | dt }}</th>
            <td>{{ d.createdAt | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
          </tr>
          <tr>
            <th scope="row">{{ 'docs.sheet.signedOff' | dt }}</th>
            <td data-testid="sheet-signed-off">
              {{ signedOff() ?? ('docs.sheet.none' | dt) }}
              @for (s of signatures(); track s.id) {
                <app-record-verification [signature]="s" />
              }
            </td>
            <th scope="row">{{ 'docs.sheet.signedOffAt' | dt }}</th>
            <td>{{ d.handling.signedOff?.at | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
          </tr>
        }
        @for (block of blocks(); track block.label) {
          <tr class="sheet-block" [attr.data-block]="block.label">
            <th scope="row">{{ block.label | dt }}</th>
            <td colspan="3">
              @for (o of block.opinions; track $index) {
                <div class="sheet-opinion">
                  <div class="sheet-opinion-text">{{ o.text }}</div>
                  <div class="sheet-opinion-sign">
                    <span class="sheet-signer">{{ signer(o) }}</span>
                    @if (block.byDept && o.org) {
                      <span class="sheet-dept">（{{ o.org }}）</span>
                    } @else if (block.label === 'docs.sheet.block.other') {
                      <span class="sheet-step">（{{ o.step }}）</span>
                    }
                    @if (o.approve !== null) {
                      <span class="sheet-vote" [class.against]="!o.approve">{{
                        (o.approve ? 'docs.sheet.agree' : 'docs.sheet.disagree') | dt
                      }}</span>
                    }
                    <time [attr.datetime]="o.at">{{ o.at | date: 'yyyy-MM-dd HH:mm' : beijing }}</time>
                  </div>
                </div>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
    <p class="sheet-foot">{{ 'docs.sheet.version' | dt: { version: d.version, digest: d.digest } }}</p>
  `,
})
export class ProcessingSheetComponent {
  protected readonly i18n = inject(DocsI18n);
  protected readonly names = inject(UserNames);
  protected readonly beijing = BEIJING;
  protected readonly typeNames = DOC_TYPE_NAMES;

  readonly doc = input.required<DocumentDetail>();

  protected readonly blocks = computed(() => sheetBlocks(this.doc()));
  protected readonly assistNames = computed(() =>
    this.doc()
      .handling.assistDepts.map((o) => o.name)
      .join('、'),
  );
  protected readonly signedOff = computed(() => {
    const s = this.doc().handling.signedOff;
    return s ? this.label(s.by, s.onBehalfOf) : null;
  });

  private readonly verification = inject(RecordVerificationApi);
  /** The 签发's SM2 signatures (复审 adds one), verified by the server: asked again when the 签发 or the text changes. */
  private readonly signed = rxResource({
    params: () => {
      const d = this.doc();
      return d.direction === 'outgoing' && d.handling.signedOff ? `${d.id}|${d.handling.signedOff.at}|${d.digest}` : undefined;
    },
    stream: ({ params }) => this.verification.signatures(params.split('|')[0]),
  });
  protected readonly signatures = computed(() => (this.signed.hasValue() ? this.signed.value().items : []));

  protected signer(o: SheetOpinionView): string {
    return this.label(o.author, o.onBehalfOf);
  }

  private label(by: string, forUser: string | null): string {
    const name = this.names.name(by);
    return forUser && forUser !== by ? this.i18n.t('docs.view.record.proxy', { by: name, for: this.names.name(forUser) }) : name;
  }
}
