import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { DesignerTranslatePipe } from './designer-i18n';
import { DefinitionsApiService, type DeployedDefinition } from './definitions-api.service';

/** 版本列表: deployed processes (latest of each key, or every version), each one can be opened. */
@Component({
  selector: 'app-versions-list',
  // A plain table with ng-zorro's table classes (the stylesheet is global) rather than nz-table:
  // nz-table pulls dropdown, menu and the router into this chunk's graph, and sharing those with
  // the shell splits the initial bundle into more files.
  imports: [NzButtonModule, NzEmptyModule, DesignerTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="versions-all">
      <input type="checkbox" [checked]="all()" (change)="all.set($any($event.target).checked)" />
      {{ 'designer.versions.all' | dt }}
    </label>
    @if (rows().length) {
      <div class="ant-table ant-table-small versions-table" [class.versions-loading]="loading()">
        <div class="ant-table-container">
          <div class="ant-table-content">
            <table>
              <thead class="ant-table-thead">
                <tr>
                  <th class="ant-table-cell">{{ 'designer.versions.name' | dt }}</th>
                  <th class="ant-table-cell">{{ 'designer.versions.key' | dt }}</th>
                  <th class="ant-table-cell" style="width: 56px">{{ 'designer.versions.version' | dt }}</th>
                  <th class="ant-table-cell" style="width: 136px">{{ 'designer.versions.deployedAt' | dt }}</th>
                  <th class="ant-table-cell" style="width: 96px">{{ 'designer.versions.deployedBy' | dt }}</th>
                  <th class="ant-table-cell" style="width: 64px"></th>
                </tr>
              </thead>
              <tbody class="ant-table-tbody">
                @for (row of rows(); track row.id) {
                  <tr class="ant-table-row" [attr.data-definition-id]="row.id">
                    <td class="ant-table-cell">{{ row.name || row.key }}</td>
                    <td class="ant-table-cell versions-key">{{ row.key }}</td>
                    <td class="ant-table-cell versions-version">{{ row.version }}</td>
                    <td class="ant-table-cell">{{ when(row.deployedAt) }}</td>
                    <td class="ant-table-cell">{{ row.deployedBy }}</td>
                    <td class="ant-table-cell">
                      <button nz-button nzType="link" nzSize="small" type="button" (click)="open.emit(row)">
                        {{ 'designer.versions.open' | dt }}
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </div>
      </div>
    } @else if (!loading()) {
      <nz-empty [nzNotFoundContent]="'designer.versions.empty' | dt" />
    }
  `,
  styles: `
    .versions-all {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 12px;
      cursor: pointer;
    }
    .versions-key {
      font-family: ui-monospace, Consolas, monospace;
      font-size: 12px;
      word-break: break-all;
    }
    .versions-loading {
      opacity: 0.6;
    }
    .versions-table table {
      table-layout: fixed;
      width: 100%;
    }
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
