import type { Diagnostic } from '../definitions-api.service';
import { DiagnosticOverlays, ERROR_MARKER, WARNING_MARKER, badgeHtml, placeDiagnostics } from './diagnostics-overlays';

const onCanvas = (ids: string[]) => (id: string) => ids.includes(id);
const error = (elementId: string | null, message: string): Diagnostic => ({ elementId, severity: 'error', code: 'X', message });
const warning = (elementId: string | null, message: string): Diagnostic => ({ elementId, severity: 'warning', code: 'X', message });

describe('placeDiagnostics', () => {
  it('should group messages by element and keep the worst severity when an element has several', () => {
    // Given a warning and an error on the same task
    const diagnostics = [warning('Task_1', 'w'), error('Task_1', 'e')];
    // When they are placed
    const placement = placeDiagnostics(diagnostics, onCanvas(['Task_1']));
    // Then the task shows one error entry with both messages
    expect(placement.onElements).toEqual([{ elementId: 'Task_1', severity: 'error', messages: ['w', 'e'] }]);
    expect(placement.unplaced).toEqual([]);
  });

  it('should leave diagnostics unplaced when they name no element or one not on the canvas', () => {
    // Given a file-level diagnostic and one on a flow that did not import
    const diagnostics = [error(null, 'file'), error('Flow_broken', 'dangling')];
    // When they are placed
    const placement = placeDiagnostics(diagnostics, onCanvas(['Task_1']));
    // Then both stay in the list only
    expect(placement.onElements).toEqual([]);
    expect(placement.unplaced.map((d) => d.message)).toEqual(['file', 'dangling']);
  });
});

describe('badgeHtml', () => {
  it('should escape the messages when they contain markup', () => {
    // Given a message with markup
    const html = badgeHtml({ elementId: 'T"1', severity: 'error', messages: ['<script>x</script>'] });
    // Then nothing of it is live HTML
    expect(html).not.toContain('<script>');
    expect(html).toContain('oa-diagnostic-error');
    expect(html).toContain('>1</div>');
  });
});

describe('DiagnosticOverlays', () => {
  function fakes(ids: string[]) {
    const added: { id: string; html: string }[] = [];
    const markers = new Set<string>();
    const overlays = {
      add: (id: string, _type: string, o: { html: string }) => (added.push({ id, html: o.html }), 'o'),
      remove: () => added.splice(0),
    };
    const canvas = {
      addMarker: (id: string, m: string) => markers.add(`${id}:${m}`),
      removeMarker: (id: string, m: string) => markers.delete(`${id}:${m}`),
    };
    const registry = { get: (id: string) => (ids.includes(id) ? { id } : undefined) };
    return { overlays: new DiagnosticOverlays(overlays, canvas, registry), added, markers };
  }

  it('should badge and mark each element when diagnostics are shown', () => {
    // Given a modeler with two elements
    const { overlays, added, markers } = fakes(['Script_1', 'Task_1']);
    // When an error and a warning are shown
    const unplaced = overlays.show([error('Script_1', 'only FEEL'), warning('Task_1', 'countersign'), error(null, 'file')]);
    // Then both elements carry a badge and a marker; the file-level one is returned
    expect(added.map((a) => a.id)).toEqual(['Script_1', 'Task_1']);
    expect([...markers]).toEqual([`Script_1:${ERROR_MARKER}`, `Task_1:${WARNING_MARKER}`]);
    expect(unplaced.map((d) => d.message)).toEqual(['file']);
  });

  it('should remove badges and markers when cleared', () => {
    // Given shown diagnostics
    const { overlays, added, markers } = fakes(['Script_1']);
    overlays.show([error('Script_1', 'x')]);
    // When they are cleared
    overlays.clear();
    // Then nothing is left on the canvas
    expect(added).toEqual([]);
    expect(markers.size).toBe(0);
  });
});
