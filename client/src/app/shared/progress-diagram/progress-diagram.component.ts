import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnDestroy,
  ViewEncapsulation,
  effect,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { WorkflowTranslatePipe } from '../workflow-i18n';
import type { ProgressMarks } from './progress-path';

type Marked = Exclude<keyof ProgressMarks, 'tasked'>;
const MARKERS: Record<Marked, string> = { done: 'lz-done', flows: 'lz-flow', returned: 'lz-returned', current: 'lz-current' };
/** A user task the flow passed without a task (a 会签 with nobody named): not done, skipped. */
const SKIPPED = 'lz-skipped';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport', center?: 'auto'): void;
}

/**
 * 流程进度: the definition's diagram in bpmn-js's NavigatedViewer (pan and zoom, loaded on first
 * use) with the completed path, the current steps and the returns marked, and a legend.
 * The bpmn.io watermark stays visible (bpmn-js licence).
 */
@Component({
  selector: 'app-progress-diagram',
  imports: [WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './progress-diagram.component.css',
  template: `
    <div class="progress-diagram-canvas" #canvas role="figure" [attr.aria-label]="'task.diagram' | wt" [attr.data-state]="state()">
      @if (state() === 'loading') {
        <div class="progress-diagram-status">{{ 'diagram.loading' | wt }}</div>
      } @else if (state() === 'failed') {
        <div class="progress-diagram-status">{{ 'diagram.failed' | wt }}</div>
      }
    </div>
    <div class="progress-diagram-legend">
      <span class="legend-done">{{ 'diagram.legend.done' | wt }}</span>
      <span class="legend-current">{{ 'diagram.legend.current' | wt }}</span>
      <span class="legend-returned">{{ 'diagram.legend.returned' | wt }}</span>
      @if (skipped()) {
        <span class="legend-skipped">{{ 'diagram.legend.skipped' | wt }}</span>
      }
    </div>
  `,
})
export class ProgressDiagramComponent implements OnDestroy {
  /** The BPMN XML the instance's definition was deployed from. */
  readonly xml = input<string | null>(null);
  readonly marks = input<ProgressMarks>({ done: [], flows: [], current: [], returned: [], tasked: [] });
  /** Whether a step is shown as skipped (the legend then explains the mark). */
  protected readonly skipped = signal(false);

  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private viewer?: NavigatedViewer;
  private shownXml: string | null = null;

  constructor() {
    effect(() => {
      const xml = this.xml();
      const marks = this.marks();
      if (xml) untracked(() => void this.show(xml, marks));
    });
  }

  ngOnDestroy(): void {
    this.viewer?.destroy();
  }

  private async show(xml: string, marks: ProgressMarks): Promise<void> {
    try {
      if (!this.viewer) {
        const { default: Viewer } = await import('bpmn-js/lib/NavigatedViewer');
        this.viewer = new Viewer({ container: this.host().nativeElement });
      }
      if (this.shownXml !== xml) {
        await this.viewer.importXML(xml);
        this.shownXml = xml;
        (this.viewer.get('canvas') as Canvas).zoom('fit-viewport', 'auto');
      }
      this.mark(marks);
      this.state.set('ready');
    } catch (error) {
      // A definition bpmn-js cannot draw (the engine accepted it, the viewer may still refuse
      // a diagram without DI): the page stays usable, the diagram says it cannot be shown.
      console.warn('progress diagram', error);
      this.state.set('failed');
    }
  }

  private mark(marks: ProgressMarks): void {
    const viewer = this.viewer;
    if (!viewer) return;
    const canvas = viewer.get('canvas') as Canvas & { removeMarker(id: string, marker: string): void };
    const registry = viewer.get('elementRegistry') as { get(id: string): { type?: string } | undefined; getAll(): { id: string }[] };
    for (const element of registry.getAll())
      for (const marker of [...Object.values(MARKERS), SKIPPED]) canvas.removeMarker(element.id, marker);
    const tasked = new Set(marks.tasked);
    const skipped = marks.done.filter((id) => registry.get(id)?.type === 'bpmn:UserTask' && !tasked.has(id));
    for (const kind of Object.keys(MARKERS) as Marked[]) {
      for (const id of marks[kind]) if (registry.get(id) && !(kind === 'done' && skipped.includes(id))) canvas.addMarker(id, MARKERS[kind]);
    }
    for (const id of skipped) canvas.addMarker(id, SKIPPED);
    this.skipped.set(skipped.length > 0);
  }
}
