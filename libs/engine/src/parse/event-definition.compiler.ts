// Event definitions → EventTrigger. BPMN 2.0 §10.5 (events): one definition per event is
// what we execute; several (a "multiple" event) or compensation/cancel are refused.
import type { EventTrigger, TimerSpec } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';
import type { ExpressionCompiler } from './expression-compiler';
import { isExpressionText } from '../execute/time';
import { attr, bodyOf, extension, prop } from './extension-reader';
import type { ModdleElement } from './moddle-reader';

export function compileTrigger(
  el: ModdleElement,
  sink: DiagnosticSink,
  exprs: ExpressionCompiler,
  executable: boolean,
): EventTrigger | undefined {
  const id = el.id ?? null;
  const defs = ((el['eventDefinitions'] as ModdleElement[] | undefined) ?? []).filter(Boolean);
  if (defs.length === 0) return { kind: 'none' };
  if (defs.length > 1) {
    sink.executionError(
      executable,
      'BPMN_UNSUPPORTED_ELEMENT',
      id,
      `Event ${id} has several event definitions (a multiple event), which is not supported.`,
    );
    return undefined;
  }
  const def = defs[0];
  const elementId = id ?? '';
  switch (def.$type) {
    case 'bpmn:TimerEventDefinition':
      return timerTrigger(def, elementId, sink, exprs, executable);
    case 'bpmn:MessageEventDefinition': {
      const message = def['messageRef'] as ModdleElement | undefined;
      let name = prop(message, 'name') ?? message?.id;
      if (!name) {
        // Without a message reference the event is correlated by its own id (bpmn-engine and
        // Zeebe job-worker style models leave it out); that is visible, not fatal.
        name = elementId;
        if (el.$type !== 'bpmn:EndEvent' && el.$type !== 'bpmn:IntermediateThrowEvent') {
          sink.warning('BPMN_STRUCTURE', id, `Message event ${id} names no message; it is correlated by the message name "${id}".`);
        }
      }
      const sub = extension(message, 'zeebe:Subscription');
      const key = attr(sub, 'correlationKey');
      const correlationKey = key ? exprs.expression(key, elementId) : undefined;
      return correlationKey ? { kind: 'message', name, correlationKey } : { kind: 'message', name };
    }
    case 'bpmn:SignalEventDefinition': {
      const signal = def['signalRef'] as ModdleElement | undefined;
      const name = prop(signal, 'name') ?? signal?.id;
      if (!name) {
        sink.executionError(executable, 'BPMN_STRUCTURE', id, `Signal event ${id} names no signal.`);
        return undefined;
      }
      return { kind: 'signal', name };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = def['errorRef'] as ModdleElement | undefined;
      return { kind: 'error', code: error ? (prop(error, 'errorCode') ?? error.id ?? null) : null };
    }
    case 'bpmn:EscalationEventDefinition': {
      const esc = def['escalationRef'] as ModdleElement | undefined;
      return { kind: 'escalation', code: esc ? (prop(esc, 'escalationCode') ?? esc.id ?? null) : null };
    }
    case 'bpmn:ConditionalEventDefinition': {
      const cond = bodyOf(def['condition']);
      if (!cond) {
        sink.executionError(executable, 'BPMN_STRUCTURE', id, `Conditional event ${id} has no condition.`);
        return undefined;
      }
      const condition = exprs.formal(cond.body, elementId, cond.language);
      return condition ? { kind: 'conditional', condition } : undefined;
    }
    case 'bpmn:LinkEventDefinition':
      return { kind: 'link', name: prop(def, 'name') ?? '' };
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:CompensateEventDefinition':
      sink.executionError(executable, 'BPMN_UNSUPPORTED_ELEMENT', id, `Event ${id} uses compensation, which is not supported.`);
      return undefined;
    default:
      sink.executionError(executable, 'BPMN_UNSUPPORTED_ELEMENT', id, `Event ${id} uses ${def.$type}, which is not supported.`);
      return undefined;
  }
}

function timerTrigger(
  def: ModdleElement,
  elementId: string,
  sink: DiagnosticSink,
  exprs: ExpressionCompiler,
  executable: boolean,
): EventTrigger | undefined {
  const workdays = attr(def, 'oa:dueWorkdays');
  const dueDate = attr(def, 'oa:dueDate');
  let spec: TimerSpec | undefined;
  if (dueDate !== undefined && !isExpressionText(dueDate)) {
    sink.executionError(
      executable,
      'BPMN_TIMER_INVALID',
      elementId,
      `oa:dueDate of ${elementId} must be an expression; a fixed date is a timeDate.`,
    );
    return undefined;
  }
  if (dueDate !== undefined && workdays === undefined) spec = exprs.timer('timeDate', dueDate, elementId);
  else if (workdays !== undefined) {
    spec = exprs.timer('workdays', workdays, elementId);
    const date = dueDate === undefined ? undefined : exprs.expression(dueDate, elementId);
    if (spec && date) spec = { ...spec, date };
  } else {
    const kinds = ['timeDate', 'timeDuration', 'timeCycle'] as const;
    const kind = kinds.find((k) => bodyOf(def[k]) !== undefined);
    if (!kind) {
      sink.executionError(executable, 'BPMN_TIMER_INVALID', elementId, `Timer ${elementId} has no timeDate, timeDuration or timeCycle.`);
      return undefined;
    }
    spec = exprs.timer(kind, bodyOf(def[kind])?.body ?? '', elementId);
  }
  return spec ? { kind: 'timer', timer: spec } : undefined;
}
