// The checks the browser can make cheaply before a deploy (the server has no dry run yet): what
// the engine's compiler would refuse for certain. Everything else is left to the deploy's 422.
import type { DesignerKey } from '../designer-i18n';
import type { Diagnostic } from '../definitions-api.service';
import { dueWorkdaysError, isMultiInstance, isValidCountersign, readOa, type OaBusinessObject } from './oa-properties';

/** A moddle element as far as the checks look at it. */
export interface CheckedElement extends OaBusinessObject {
  id?: string;
  name?: string;
  flowElements?: CheckedElement[];
  rootElements?: CheckedElement[];
  sourceRef?: CheckedElement;
  targetRef?: CheckedElement;
  scriptFormat?: string;
  triggeredByEvent?: boolean;
}

type Translate = (key: DesignerKey, params?: Record<string, string | number>) => string;

const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

function walk(container: CheckedElement, visit: (el: CheckedElement) => void): void {
  for (const el of container.flowElements ?? []) {
    visit(el);
    if (CONTAINERS.has(el.$type ?? '')) walk(el, visit);
  }
}

/** Diagnostics for the definitions of the modeler, worded like the server's in the UI language. */
export function checkStructure(definitions: CheckedElement | undefined, t: Translate): Diagnostic[] {
  const found: Diagnostic[] = [];
  const error = (elementId: string | undefined, key: DesignerKey, params?: Record<string, string | number>) =>
    found.push({ elementId: elementId ?? null, severity: 'error', code: 'DESIGNER_CHECK', message: t(key, params) });
  const warning = (elementId: string | undefined, key: DesignerKey, params?: Record<string, string | number>) =>
    found.push({ elementId: elementId ?? null, severity: 'warning', code: 'DESIGNER_CHECK', message: t(key, params) });

  const processes = (definitions?.rootElements ?? []).filter((el) => el.$type === 'bpmn:Process');
  if (!processes.length) error(undefined, 'designer.check.noProcess');
  for (const process of processes) {
    const topLevel = process.flowElements ?? [];
    if (!topLevel.some((el) => el.$type === 'bpmn:StartEvent')) error(process.id, 'designer.check.noStart');
    walk(process, (el) => {
      const id = el.id ?? '';
      switch (el.$type) {
        case 'bpmn:SequenceFlow':
          if (!el.sourceRef || !el.targetRef) error(id, 'designer.check.danglingFlow', { id });
          break;
        case 'bpmn:ScriptTask': {
          const format = (el.scriptFormat ?? '').trim().toLowerCase();
          if (format !== 'feel') error(id, 'designer.check.scriptFormat', { format: el.scriptFormat ?? '' });
          break;
        }
        case 'bpmn:StartEvent':
        case 'bpmn:BoundaryEvent':
        case 'bpmn:IntermediateCatchEvent': {
          const timers = ((el as { eventDefinitions?: CheckedElement[] }).eventDefinitions ?? []).filter(
            (d) => d.$type === 'bpmn:TimerEventDefinition',
          );
          if (timers.some((d) => dueWorkdaysError(readOa(d, 'dueWorkdays')))) error(id, 'designer.oa.dueWorkdaysInvalid');
          break;
        }
        case 'bpmn:UserTask': {
          if (dueWorkdaysError(readOa(el, 'dueWorkdays'))) error(id, 'designer.oa.dueWorkdaysInvalid');
          const countersign = readOa(el, 'countersign');
          if (!isValidCountersign(countersign)) error(id, 'designer.oa.countersignInvalid');
          else if (countersign && !isMultiInstance(el)) warning(id, 'designer.oa.countersignNeedsMulti');
          break;
        }
      }
    });
  }
  return found;
}
