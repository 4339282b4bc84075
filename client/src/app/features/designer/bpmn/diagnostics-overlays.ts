// Compile diagnostics on the canvas: a red (or amber) badge on each element that has some, and
// a marker class that outlines it. The mapping is pure; DiagnosticOverlays applies it to bpmn-js.
import type { Diagnostic } from '../definitions-api.service';

export const DIAGNOSTIC_OVERLAY_TYPE = 'oa-diagnostic';
export const ERROR_MARKER = 'oa-has-error';
export const WARNING_MARKER = 'oa-has-warning';

/** What one element shows: its worst severity and every message, in the order received. */
export interface ElementDiagnostics {
  elementId: string;
  severity: 'error' | 'warning';
  messages: string[];
}

/** Diagnostics grouped by element; those without a known element stay with the process/file. */
export interface DiagnosticPlacement {
  onElements: ElementDiagnostics[];
  unplaced: Diagnostic[];
}

/**
 * Groups diagnostics by the element they name, keeping only elements the canvas shows (an id
 * such as a broken flow that did not import has nowhere to go and stays in `unplaced`).
 */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], isOnCanvas: (id: string) => boolean): DiagnosticPlacement {
  const byId = new Map<string, ElementDiagnostics>();
  const unplaced: Diagnostic[] = [];
  for (const d of diagnostics) {
    const id = d.elementId ?? '';
    if (!id || !isOnCanvas(id)) {
      unplaced.push(d);
      continue;
    }
    const entry = byId.get(id) ?? { elementId: id, severity: 'warning' as const, messages: [] };
    if (d.severity === 'error') entry.severity = 'error';
    entry.messages.push(d.message);
    byId.set(id, entry);
  }
  return { onElements: [...byId.values()], unplaced };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The badge bpmn-js overlays show: the number of messages, all of them in the tooltip. */
export function badgeHtml(entry: ElementDiagnostics): string {
  const title = escapeHtml(entry.messages.join('\n'));
  return `<div class="oa-diagnostic-badge oa-diagnostic-${entry.severity}" data-element-id="${escapeHtml(entry.elementId)}" title="${title}">${entry.messages.length}</div>`;
}

export function markerFor(entry: ElementDiagnostics): string {
  return entry.severity === 'error' ? ERROR_MARKER : WARNING_MARKER;
}

interface OverlaysLike {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: string }): string;
  remove(filter: { type: string }): void;
}
interface CanvasLike {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface RegistryLike {
  get(id: string): unknown;
}

/** Shows diagnostics on a modeler and takes them away again (before the next check or import). */
export class DiagnosticOverlays {
  private marked: ElementDiagnostics[] = [];

  constructor(
    private readonly overlays: OverlaysLike,
    private readonly canvas: CanvasLike,
    private readonly registry: RegistryLike,
  ) {}

  /** Replaces what is shown; returns the diagnostics that have no element on the canvas. */
  show(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    this.clear();
    const placement = placeDiagnostics(diagnostics, (id) => !!this.registry.get(id));
    for (const entry of placement.onElements) {
      this.overlays.add(entry.elementId, DIAGNOSTIC_OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badgeHtml(entry) });
      this.canvas.addMarker(entry.elementId, markerFor(entry));
    }
    this.marked = placement.onElements;
    return placement.unplaced;
  }

  clear(): void {
    this.overlays.remove({ type: DIAGNOSTIC_OVERLAY_TYPE });
    for (const entry of this.marked) {
      // The element may have been deleted since; diagram-js ignores markers of unknown ids only
      // when the element exists, so check first.
      if (this.registry.get(entry.elementId)) this.canvas.removeMarker(entry.elementId, markerFor(entry));
    }
    this.marked = [];
  }
}
