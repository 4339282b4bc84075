import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { DesignerTranslatePipe } from './designer-i18n';
import { DefinitionsApiService, type DeployedDefinition } from './definitions-api.service';

/** 版本列表: deployed processes (latest of each key, or every version), each one can be opened. */
@Component({
  selector: 'app-versions-list',
  imports: [FormsModule, NzButtonModule, NzEmptyModule, NzSwitchModule, NzTableModule, DesignerTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="versions-all">
      <nz-switch nzSize="small" [ngModel]="all()" (ngModelChange)="all.set($event)" />
      {{ 'designer.versions.all' | dt }}
    </label>
    <nz-table
      #table
      [nzData]="rows()"
      [nzLoading]="loading()"
      [nzNoResult]="empty"
      [nzShowPagination]="rows().length > 10"
      [nzPageSize]="10"
      nzSize="small"
    >
      <thead>
        <tr>
          <th>{{ 'designer.versions.name' | dt }}</th>
          <th>{{ 'designer.versions.key' | dt }}</th>
          <th nzWidth="64px">{{ 'designer.versions.version' | dt }}</th>
          <th nzWidth="140px">{{ 'designer.versions.deployedAt' | dt }}</th>
          <th nzWidth="64px"></th>
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track row.id) {
          <tr [attr.data-definition-id]="row.id">
            <td>{{ row.name || row.key }}</td>
            <td class="versions-key">{{ row.key }}</td>
            <td class="versions-version">{{ row.version }}</td>
            <td>{{ when(row.deployedAt) }}</td>
            <td>
              <button nz-button nzType="link" nzSize="small" type="button" (click)="open.emit(row)">
                {{ 'designer.versions.open' | dt }}
              </button>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'designer.versions.empty' | dt" /></ng-template>
  `,
  styles: `
    .versions-all { display: inline-flex; align-items: center; gap: 8px; margin-bottom: 12px; cursor: pointer; }
    .versions-key { font-family: ui-monospace, Consolas, monospace; font-size: 12px; word-break: break-all; }
  `,
})
export class VersionsListComponent {
  private readonly api = inject(DefinitionsApiService);
  /** Bumped by the page after a deploy so the list reloads. */
  readonly refresh = input(0);
  readonly open = output<DeployedDefinition>();

  protected readonly all = signal(false);
  protected readonly rows = signal<DeployedDefinition[]>([]);
  protected readonly loading = signal(false);

  constructor() {
    effect(() => {
      this.refresh();
      this.load(this.all());
    });
  }

  /** Local date and time, minutes precision (DatePipe would pull CommonModule's pipes into the initial bundle). */
  protected when(iso: string | undefined): string {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  private load(all: boolean): void {
    this.loading.set(true);
    this.api.list(all).subscribe({
      next: (rows) => {
        this.rows.set([...rows].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version));
        this.loading.set(false);
      },
      // The error interceptor tells the user; the table stays as it was.
      error: () => this.loading.set(false),
    });
  }
}
