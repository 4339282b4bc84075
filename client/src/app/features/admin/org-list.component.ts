import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ORG_KINDS, type Org, type OrgKind } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { AdminApiService } from './admin-api.service';
import { AdminI18n, AdminTranslatePipe } from './admin-i18n';
import { orgTree, subtreeIds } from './admin-model';

interface OrgDraft {
  id: string | null;
  parentId: string | null;
  code: string;
  name: string;
  shortName: string;
  kind: OrgKind;
  sortOrder: number;
}

/** 机构: the organization tree; create (top level or under one), edit, move under another parent. */
@Component({
  selector: 'app-org-list',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    SelectLabelDirective,
    NzTableModule,
    NzTagModule,
    AdminTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 12px;
    }
    .name {
      display: inline-block;
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 12px;
    }
    .actions {
      display: flex;
      gap: 4px;
      flex-wrap: wrap;
    }
    nz-select,
    nz-input-number {
      width: 100%;
    }
    .hint {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
  `,
  template: `
    <div class="bar">
      <button nz-button nzType="primary" type="button" data-action="add-org" (click)="openCreate(null)">{{ 'org.add' | at }}</button>
    </div>
    <nz-table [nzData]="rows()" [nzFrontPagination]="false" [nzLoading]="loading()" nzSize="small" [nzNoResult]="'org.empty' | at">
      <thead>
        <tr>
          <th>{{ 'org.name' | at }}</th>
          <th nzWidth="160px">{{ 'org.code' | at }}</th>
          <th nzWidth="100px">{{ 'org.kind' | at }}</th>
          <th nzWidth="70px">{{ 'org.sortOrder' | at }}</th>
          <th nzWidth="190px">{{ 'org.actions' | at }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.org.id) {
          <tr [attr.data-org-code]="row.org.code">
            <td>
              <span class="name" [style.padding-left.px]="row.depth * 20">{{ row.org.name }}</span>
              @if (row.org.shortName) {
                <span class="hint">（{{ row.org.shortName }}）</span>
              }
            </td>
            <td class="code">{{ row.org.code }}</td>
            <td>
              <nz-tag>{{ kindLabel(row.org.kind) }}</nz-tag>
            </td>
            <td>{{ row.org.sortOrder }}</td>
            <td>
              <span class="actions">
                <button nz-button nzSize="small" type="button" (click)="openEdit(row.org)">{{ 'admin.edit' | at }}</button>
                <button nz-button nzSize="small" type="button" (click)="openCreate(row.org.id)">{{ 'org.addChild' | at }}</button>
              </span>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>

    <nz-modal [nzVisible]="draft() !== null" [nzTitle]="title()" [nzFooter]="null" (nzOnCancel)="draft.set(null)" [nzWidth]="560">
      <ng-container *nzModalContent>
        @if (draft(); as d) {
          <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="org-form">
            <nz-form-item>
              <nz-form-label nzRequired nzFor="org-name">{{ 'org.name' | at }}</nz-form-label>
              <nz-form-control><input nz-input id="org-name" name="name" [(ngModel)]="d.name" required maxlength="100" /></nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="org-short">{{ 'org.shortName' | at }}</nz-form-label>
              <nz-form-control><input nz-input id="org-short" name="shortName" [(ngModel)]="d.shortName" maxlength="40" /></nz-form-control>
            </nz-form-item>
            @if (!d.id) {
              <nz-form-item>
                <nz-form-label nzRequired nzFor="org-code">{{ 'org.code' | at }}</nz-form-label>
                <nz-form-control [nzExtra]="'org.codeHint' | at">
                  <input nz-input id="org-code" name="code" [(ngModel)]="d.code" required pattern="[A-Za-z0-9_\\-]{1,40}" />
                </nz-form-control>
              </nz-form-item>
            }
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'org.kind' | at }}</nz-form-label>
              <nz-form-control>
                <nz-select name="kind" [(ngModel)]="d.kind" [attr.aria-label]="'org.kind' | at">
                  @for (kind of kinds; track kind) {
                    <nz-option [nzValue]="kind" [nzLabel]="kindLabel(kind)" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'org.parent' | at }}</nz-form-label>
              <nz-form-control>
                <nz-select name="parentId" [(ngModel)]="d.parentId" nzShowSearch [attr.aria-label]="'org.parent' | at">
                  <nz-option [nzValue]="null" [nzLabel]="'org.noParent' | at" />
                  @for (row of parentOptions(); track row.org.id) {
                    <nz-option [nzValue]="row.org.id" [nzLabel]="row.org.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzFor="org-sort">{{ 'org.sortOrder' | at }}</nz-form-label>
              <nz-form-control
                ><nz-input-number nzId="org-sort" name="sortOrder" [(ngModel)]="d.sortOrder" [nzMin]="0" [nzMax]="100000"
              /></nz-form-control>
            </nz-form-item>
            @if (error()) {
              <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon role="alert" />
            }
            <div class="modal-actions" style="display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px">
              <button nz-button type="button" (click)="draft.set(null)">{{ 'admin.cancel' | at }}</button>
              <button
                nz-button
                nzType="primary"
                type="submit"
                [nzLoading]="saving()"
                [disabled]="!d.name.trim() || (!d.id && !d.code.trim())"
              >
                {{ 'admin.save' | at }}
              </button>
            </div>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
})
export class OrgListComponent {
  private readonly api = inject(AdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly at = inject(AdminI18n).t;
  private readonly message = inject(NzMessageService);
  protected readonly kinds = ORG_KINDS;
  protected readonly orgs = signal<Org[]>([]);
  protected readonly rows = computed(() => orgTree(this.orgs()));
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly draft = signal<OrgDraft | null>(null);
  /** The organizations changed (others, e.g. the user form, list them). */
  readonly changed = output<Org[]>();

  protected readonly title = computed(() => {
    const d = this.draft();
    return d?.id ? this.at('org.editTitle', { name: this.orgs().find((o) => o.id === d.id)?.name ?? '' }) : this.at('org.create');
  });

  /** A parent may not be the organization itself or anything under it. */
  protected readonly parentOptions = computed(() => {
    const d = this.draft();
    const excluded = d?.id ? subtreeIds(this.orgs(), d.id) : new Set<string>();
    return this.rows().filter((row) => !excluded.has(row.org.id));
  });

  constructor() {
    void this.load();
  }

  protected kindLabel(kind: OrgKind): string {
    return this.at(`org.kind.${kind}`);
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const orgs = await firstValueFrom(this.api.orgs());
      this.orgs.set(orgs);
      this.changed.emit(orgs);
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }

  protected openCreate(parentId: string | null): void {
    this.error.set(null);
    this.draft.set({ id: null, parentId, code: '', name: '', shortName: '', kind: 'department', sortOrder: 0 });
  }

  protected openEdit(org: Org): void {
    this.error.set(null);
    this.draft.set({
      id: org.id,
      parentId: org.parentId,
      code: org.code,
      name: org.name,
      shortName: org.shortName ?? '',
      kind: org.kind,
      sortOrder: org.sortOrder,
    });
  }

  protected async save(): Promise<void> {
    const d = this.draft();
    if (!d || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    const common = {
      parentId: d.parentId,
      name: d.name.trim(),
      shortName: d.shortName.trim() || null,
      kind: d.kind,
      sortOrder: d.sortOrder ?? 0,
    };
    try {
      const org = d.id
        ? await firstValueFrom(this.api.updateOrg(d.id, common))
        : await firstValueFrom(this.api.createOrg({ ...common, code: d.code.trim() }));
      this.message.success(d.id ? this.at('admin.saved') : this.at('org.created', { name: org.name }));
      this.draft.set(null);
      await this.load();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }
}
