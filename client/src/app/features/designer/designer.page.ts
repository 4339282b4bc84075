import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type Modeler from 'bpmn-js/lib/Modeler';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { firstValueFrom } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { DesignerI18n, DesignerTranslatePipe, diagnosticCodeLabel } from './designer-i18n';
import { createDesignerModeler, newDiagramXml, newProcessId } from './bpmn/designer-modeler';
import { DiagnosticOverlays } from './bpmn/diagnostics-overlays';
import { readOa, type OaBusinessObject } from './bpmn/oa-properties';
import { DefinitionsApiService, type DeployedDefinition, type Diagnostic } from './definitions-api.service';
import { FormPanelComponent } from './form-panel.component';
import { FormSchemaStore } from './form-schema.store';
import { type HasUnsavedChanges, confirmDiscard } from './unsaved-changes.guard';
import { VersionsListComponent } from './versions-list.component';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Shape {
  id: string;
  type: string;
  businessObject: OaBusinessObject & { id?: string; name?: string };
}

/** 流程设计: bpmn-js modeler, properties panel with the oa: group, form editor, check and deploy. */
@Component({
  selector: 'app-designer-page',
  imports: [NzButtonModule, NzDrawerModule, NzIconModule, TranslatePipe, DesignerTranslatePipe, FormPanelComponent, VersionsListComponent],
  providers: [FormSchemaStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // bpmn-js, the properties panel and form-js render their own DOM: their stylesheets must be global.
  encapsulation: ViewEncapsulation.None,
  templateUrl: './designer.page.html',
  styleUrl: './designer.page.css',
  host: { class: 'designer-page', '(window:beforeunload)': 'onBeforeUnload($event)' },
})
export default class DesignerPage implements HasUnsavedChanges {
  private readonly api = inject(DefinitionsApiService);
  private readonly i18n = inject(I18nService);
  private readonly texts = inject(DesignerI18n);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  protected readonly forms = inject(FormSchemaStore);

  private readonly canvasHost = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private fitObserver?: ResizeObserver;
  /** fit the diagram again when the canvas is resized (until the user moves or zooms the view) */
  private autoFit = false;
  private readonly panelHost = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private readonly formPanel = viewChild(FormPanelComponent);

  protected readonly dirty = signal(false);
  protected readonly processName = signal('');
  protected readonly diagnostics = signal<readonly Diagnostic[]>([]);
  protected readonly errorCount = computed(() => this.diagnostics().filter((d) => d.severity === 'error').length);
  protected readonly busy = signal(false);
  protected readonly versionsOpen = signal(false);
  protected readonly versionsRefresh = signal(0);
  /** The form key being edited in the form drawer, or null when it is closed. */
  protected readonly formKey = signal<string | null>(null);

  private modeler?: Modeler;
  private overlays?: DiagnosticOverlays;
  private fileName = '';

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.fitObserver?.disconnect();
      this.modeler?.destroy();
    });
    afterNextRender(() => void this.build(newDiagramXml(newProcessId(), this.texts.t('designer.untitled'))));
    // The palette and context pad are translated when the modeler is built: rebuild on a switch.
    effect(() => {
      const chinese = this.i18n.isChinese();
      untracked(() => void this.rebuild(chinese));
    });
  }

  /** The model or one of its forms has edits that are neither deployed/exported nor saved. */
  protected readonly unsaved = computed(() => this.dirty() || this.forms.unsavedKeys().length > 0);

  hasUnsavedChanges(): boolean {
    return this.unsaved();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.unsaved()) event.preventDefault();
  }

  // 新建
  protected async newDiagram(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    this.forms.clear();
    this.fileName = '';
    await this.open(newDiagramXml(newProcessId(), this.texts.t('designer.untitled')));
  }

  // 导入 .bpmn
  protected async chooseFile(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    const input = this.fileInput().nativeElement;
    input.value = '';
    input.click();
  }

  protected async fileChosen(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.message.error(this.texts.t('designer.fileTooLarge'));
      return;
    }
    this.forms.clear();
    if (await this.open(await file.text())) {
      this.fileName = file.name;
      this.message.success(this.texts.t('designer.imported', { name: file.name }));
    }
  }

  // 导出: the model, and the forms kept for its form keys
  protected async exportDiagram(): Promise<void> {
    const modeler = this.modeler;
    if (!modeler) return;
    const { xml } = await modeler.saveXML({ format: true });
    const file = this.fileName || `${this.processId() || 'process'}.bpmn`;
    download(file, xml ?? '', 'application/xml');
    for (const key of this.usedFormKeys()) {
      const schema = this.forms.get(key);
      if (schema) download(`${key}.form`, JSON.stringify(schema, null, 2), 'application/json');
    }
    this.dirty.set(false);
    this.message.success(this.texts.t('designer.exported', { file }));
  }

  // 校验: the engine's compiler on the server, as a deploy would run it; nothing is stored
  protected async validate(): Promise<void> {
    const modeler = this.modeler;
    if (!modeler || this.busy()) return;
    this.busy.set(true);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const found = await firstValueFrom(this.api.validate(xml ?? ''));
      this.showDiagnostics(found);
      if (!found.length) this.message.success(this.texts.t('designer.validate.ok'));
      else {
        const errors = found.filter((d) => d.severity === 'error').length;
        this.message.warning(this.texts.t('designer.validate.found', { errors, warnings: found.length - errors }));
      }
    } catch (error) {
      // 413, 403, network: the error interceptor has shown the Chinese message. Anything else is a bug.
      if (!(error instanceof HttpErrorResponse)) throw error;
    } finally {
      this.busy.set(false);
    }
  }

  // 部署
  protected async deploy(): Promise<void> {
    const modeler = this.modeler;
    if (!modeler || this.busy()) return;
    this.busy.set(true);
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const outcome = await firstValueFrom(this.api.deploy(xml ?? ''));
      if (outcome.kind === 'invalid') {
        this.showDiagnostics(outcome.diagnostics);
        this.message.warning(this.texts.t('designer.deploy.invalid', { count: outcome.diagnostics.length }));
        return;
      }
      this.showDiagnostics([]);
      this.dirty.set(false);
      this.versionsRefresh.update((n) => n + 1);
      for (const d of outcome.definitions) {
        this.message.success(this.texts.t('designer.deploy.ok', { name: d.name || d.key, version: d.version }));
      }
      // the task forms of the model edited here go to the server with it (a new version each)
      this.keepOpenForm();
      const saved = await this.forms.saveUnsaved(this.usedFormKeys());
      if (saved.length)
        this.message.success(
          this.texts.t('designer.form.savedOnDeploy', { forms: saved.map((f) => `${f.key} 第 ${f.version} 版`).join('、') }),
        );
    } catch (error) {
      // 413, 403, network: the error interceptor has shown the Chinese message. Anything else is a bug.
      if (!(error instanceof HttpErrorResponse)) throw error;
    } finally {
      this.busy.set(false);
    }
  }

  // 版本列表 → 打开
  protected async openVersion(definition: DeployedDefinition): Promise<void> {
    if (!(await this.mayDiscard())) return;
    try {
      const xml = await firstValueFrom(this.api.xml(definition.id));
      this.forms.clear();
      if (await this.open(xml)) {
        this.fileName = '';
        this.versionsOpen.set(false);
        this.message.success(
          this.texts.t('designer.versions.opened', { name: definition.name || definition.key, version: definition.version }),
        );
      }
    } catch (error) {
      // HTTP failures were shown by the error interceptor; anything else is a bug.
      if (!(error instanceof HttpErrorResponse)) throw error;
    }
  }

  // 表单设计: for the selected element, or the one whose 编辑表单 button was pressed
  protected openForm(element?: Shape): void {
    const target = element ?? (this.modeler?.get('selection') as { get(): Shape[] } | undefined)?.get()[0];
    const key = readOa(target?.businessObject, 'formKey');
    if (!key) {
      this.message.info(this.texts.t('designer.form.noTask'));
      return;
    }
    this.formKey.set(key);
  }

  protected closeForm(): void {
    this.keepOpenForm();
    this.formKey.set(null);
  }

  /** Keeps what the form editor shows now (for export and the save on deploy). */
  private keepOpenForm(): void {
    const key = this.formKey();
    const schema = this.formPanel()?.current();
    if (key && schema) this.forms.keep(key, schema);
  }

  /** Selects a diagnostic's element and scrolls it into view. */
  protected reveal(diagnostic: Diagnostic): void {
    const modeler = this.modeler;
    const element = diagnostic.elementId
      ? (modeler?.get('elementRegistry') as { get(id: string): Shape | undefined }).get(diagnostic.elementId)
      : undefined;
    if (!modeler || !element) return;
    (modeler.get('selection') as { select(e: unknown): void }).select(element);
    (modeler.get('canvas') as { scrollToElement(e: unknown): void }).scrollToElement(element);
  }

  protected codeLabel(code: string): string {
    return diagnosticCodeLabel(code, this.i18n.isChinese());
  }

  protected clearDiagnostics(): void {
    this.showDiagnostics([]);
  }

  private showDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.overlays?.show(diagnostics);
    this.diagnostics.set(diagnostics);
  }

  private async mayDiscard(): Promise<boolean> {
    return !this.unsaved() || confirmDiscard(this.modal, this.texts);
  }

  private processId(): string {
    const root = (this.modeler?.get('canvas') as { getRootElement(): Shape } | undefined)?.getRootElement();
    return root?.businessObject?.id ?? '';
  }

  private usedFormKeys(): string[] {
    const registry = this.modeler?.get('elementRegistry') as { getAll(): Shape[] } | undefined;
    const keys = (registry?.getAll() ?? []).map((e) => readOa(e.businessObject, 'formKey')).filter(Boolean);
    return [...new Set(keys)];
  }

  /** Imports XML into the modeler; import problems become warnings in the check list. */
  private async open(xml: string): Promise<boolean> {
    const modeler = this.modeler;
    if (!modeler) return false;
    try {
      const { warnings } = await modeler.importXML(xml);
      this.fitToView();
      this.afterImport();
      // moddle reports the oa: attributes kept in $attrs as "unknown"; the engine reads them there.
      const found = (warnings as unknown[])
        .map((w) => w as string | { message?: string; element?: { id?: string } })
        .map<Diagnostic>((w) => ({
          elementId: typeof w === 'string' ? null : (w.element?.id ?? null),
          severity: 'warning',
          code: 'BPMN_IMPORT',
          message: typeof w === 'string' ? w : (w.message ?? ''),
        }))
        .filter((d) => !/unknown attribute <oa:/.test(d.message));
      this.showDiagnostics(found);
      if (found.length) this.message.warning(this.texts.t('designer.importWarnings', { count: found.length }));
      return true;
    } catch (error) {
      // bpmn-js rejects files that are not BPMN 2.0 XML; the user picked a wrong file.
      this.message.error(this.texts.t('designer.importFailed', { message: (error as Error).message.split('\n')[0] }));
      return false;
    }
  }

  /**
   * Fits the diagram to the canvas, centred — now if the canvas has its size, and again whenever
   * the canvas is laid out anew until the user moves or zooms the view: at import time the
   * container may have no size yet (the page is still being laid out, the designer's stylesheet
   * still arriving), and bpmn-js would then fit the diagram into 0×0 and leave it off to the side.
   */
  private fitToView(): void {
    const host = this.canvasHost().nativeElement;
    this.autoFit = true;
    this.fitNow();
    if (this.fitObserver || typeof ResizeObserver === 'undefined') return;
    this.fitObserver = new ResizeObserver(() => {
      if (this.autoFit) this.fitNow();
    });
    this.fitObserver.observe(host);
    // the user's own view (a drag, a wheel zoom, a click on the canvas) is theirs to keep
    const mine = () => (this.autoFit = false);
    host.addEventListener('wheel', mine, { passive: true });
    host.addEventListener('pointerdown', mine);
  }

  private fitNow(): void {
    const host = this.canvasHost().nativeElement;
    if (!this.modeler || host.clientWidth === 0 || host.clientHeight === 0) return;
    const canvas = this.modeler.get('canvas') as { resized(): void; zoom(level: string, center?: 'auto'): void };
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }

  private afterImport(): void {
    this.dirty.set(false);
    const root = (this.modeler?.get('canvas') as { getRootElement(): Shape }).getRootElement();
    this.processName.set(root.businessObject?.name || root.businessObject?.id || '');
  }

  private async build(xml: string): Promise<void> {
    this.modeler = createDesignerModeler({
      container: this.canvasHost().nativeElement,
      propertiesParent: this.panelHost().nativeElement,
      chinese: this.i18n.isChinese(),
      t: (key, params) => this.texts.t(key, params),
      searchUsers: (q) => firstValueFrom(this.api.searchUsers(q)),
    });
    const get = <T>(name: string) => this.modeler?.get(name) as T;
    this.overlays = new DiagnosticOverlays(get('overlays'), get('canvas'), get('elementRegistry'));
    const eventBus = get<{ on(event: string, cb: (e: { element: Shape }) => void): void }>('eventBus');
    eventBus.on('commandStack.changed', () => {
      this.dirty.set(true);
      const root = get<{ getRootElement(): Shape }>('canvas').getRootElement();
      this.processName.set(root.businessObject?.name || root.businessObject?.id || '');
    });
    eventBus.on('oa.form.edit', (e) => this.openForm(e.element));
    const dirty = this.dirty();
    await this.open(xml);
    this.dirty.set(dirty);
  }

  private async rebuild(chinese: boolean): Promise<void> {
    const modeler = this.modeler;
    if (!modeler || (modeler.get('translate') as (s: string) => string)('Delete') === (chinese ? '删除' : 'Delete')) return;
    const { xml } = await modeler.saveXML();
    const diagnostics = this.diagnostics();
    modeler.destroy();
    await this.build(xml ?? '');
    this.showDiagnostics(diagnostics);
  }
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
