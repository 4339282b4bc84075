import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { Attachment } from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';
import { attachmentName } from './field-violations';

interface QueuedFile {
  id: number;
  file: File;
  name: string;
  percent: number;
  state: 'pending' | 'uploading' | 'done' | 'failed';
  error: string | null;
}

/**
 * Attachments with their upload progress. With `documentId` a chosen file uploads at once (the
 * document view); without, files wait until the form has saved the document and calls `uploadAll`.
 * Classified documents (秘密 and above) get no upload at all, with the reason shown.
 */
@Component({
  selector: 'app-attachment-upload',
  imports: [NzAlertModule, NzButtonModule, NzProgressModule, DocsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .files {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .files li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 220px 72px;
      gap: 12px;
      align-items: center;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .failed {
      grid-column: 1 / -1;
      color: #cf1322;
      font-size: 13px;
    }
    .hint {
      color: #5c6b7a;
      font-size: 13px;
      margin-left: 8px;
    }
    input[type='file'] {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      overflow: hidden;
    }
  `,
  template: `
    @if (disabled()) {
      <nz-alert nzType="warning" nzShowIcon [nzMessage]="'docs.classified.reason' | dt" />
    } @else {
      <input #picker type="file" multiple [id]="inputId()" (change)="choose(picker)" [attr.aria-label]="'docs.upload.choose' | dt" />
      <button nz-button type="button" (click)="picker.click()">{{ 'docs.upload.choose' | dt }}</button>
      <span class="hint">{{ 'docs.upload.hint' | dt }}</span>
      @if (files().length) {
        <ul class="files" [attr.aria-label]="'docs.field.attachments' | dt">
          @for (f of files(); track f.id) {
            <li>
              <span class="name" [title]="f.file.name">{{ f.file.name }}</span>
              @if (f.state === 'pending') {
                <span class="hint">{{ 'docs.upload.pending' | dt }}</span>
              } @else {
                <nz-progress
                  [nzPercent]="f.percent"
                  nzSize="small"
                  [nzStatus]="f.state === 'failed' ? 'exception' : f.state === 'done' ? 'success' : 'active'"
                  [attr.aria-label]="(f.state === 'done' ? 'docs.upload.done' : 'docs.upload.uploading') | dt: { name: f.file.name }"
                />
              }
              @if (f.state === 'pending' || f.state === 'failed') {
                <button
                  nz-button
                  nzType="link"
                  nzSize="small"
                  type="button"
                  (click)="remove(f.id)"
                  [attr.aria-label]="'docs.upload.remove' | dt: { name: f.file.name }"
                >
                  ✕
                </button>
              } @else {
                <span></span>
              }
              @if (f.error) {
                <span class="failed" role="alert">{{ 'docs.upload.failed' | dt: { name: f.file.name, message: f.error } }}</span>
              }
            </li>
          }
        </ul>
      }
    }
  `,
})
export class AttachmentUploadComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18nService);
  protected readonly docsI18n = inject(DocsI18n);

  /** Upload at once into this document; without it, files are queued for `uploadAll`. */
  readonly documentId = input<string | null>(null);
  readonly disabled = input(false);
  readonly inputId = input('attachment-files');
  readonly uploaded = output<Attachment>();

  protected readonly files = signal<readonly QueuedFile[]>([]);
  private nextId = 1;

  /** The 附件说明 names of the files not yet refused: file names without their extension. */
  readonly names = computed(() =>
    this.files()
      .filter((f) => f.state !== 'failed')
      .map((f) => f.name),
  );

  protected choose(picker: HTMLInputElement): void {
    const chosen = Array.from(picker.files ?? []).map(
      (file): QueuedFile => ({ id: this.nextId++, file, name: attachmentName(file.name), percent: 0, state: 'pending', error: null }),
    );
    picker.value = '';
    this.files.update((list) => [...list, ...chosen]);
    const documentId = this.documentId();
    if (documentId) void Promise.all(chosen.map((f) => this.uploadOne(documentId, f.id)));
  }

  protected remove(id: number): void {
    this.files.update((list) => list.filter((f) => f.id !== id));
  }

  /** Uploads the waiting files one by one; true when all of them arrived. */
  async uploadAll(documentId: string): Promise<boolean> {
    let ok = true;
    for (const f of this.files()) {
      if (f.state === 'pending' || f.state === 'failed') ok = (await this.uploadOne(documentId, f.id)) && ok;
    }
    return ok;
  }

  private patch(id: number, change: Partial<QueuedFile>): void {
    this.files.update((list) => list.map((f) => (f.id === id ? { ...f, ...change } : f)));
  }

  private uploadOne(documentId: string, id: number): Promise<boolean> {
    const queued = this.files().find((f) => f.id === id);
    if (!queued) return Promise.resolve(true);
    this.patch(id, { state: 'uploading', percent: 0, error: null });
    return new Promise((resolve) => {
      this.api.upload(documentId, queued.file).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = event.total ? Math.min(99, Math.round((100 * event.loaded) / event.total)) : 50;
            this.patch(id, { percent });
          } else if (event.type === HttpEventType.Response && event.body) {
            this.patch(id, { state: 'done', percent: 100 });
            this.uploaded.emit(event.body);
          }
        },
        error: (error: unknown) => {
          this.patch(id, { state: 'failed', error: apiErrorText(error, this.i18n) });
          resolve(false);
        },
        complete: () => resolve(true),
      });
    });
  }
}
