// bpmn-moddle with the camunda, zeebe and oa descriptors, and the translation of its import
// warnings into diagnostics.
import { BpmnModdle } from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { oaDescriptorBeside, type ModdleDescriptor } from '../model/oa-descriptor';
import type { DiagnosticSink } from './diagnostic';

// A moddle element as the compiler sees it: loosely typed, read defensively.
export type ModdleElement = {
  readonly $type: string;
  readonly id?: string;
  readonly $attrs?: Record<string, string>;
  readonly $parent?: ModdleElement;
  readonly [key: string]: unknown;
};

interface ModdleWarning {
  readonly message: string;
  readonly element?: ModdleElement;
  readonly property?: string;
  readonly value?: unknown;
}

export interface ModdleImport {
  readonly definitions: ModdleElement;
  readonly warnings: readonly ModdleWarning[];
}

// camunda and zeebe both declare modelerTemplate* on bpmn:FlowElement; moddle refuses the
// second declaration, so the zeebe copy drops the two clashing, purely cosmetic properties.
function zeebeWithoutClashes(): unknown {
  const copy = JSON.parse(JSON.stringify(zeebeDescriptor)) as {
    types: { name: string; properties?: { name: string }[] }[];
  };
  for (const type of copy.types) {
    if (type.name === 'TemplateSupported' && type.properties) {
      type.properties = type.properties.filter((p) => p.name !== 'modelerTemplate' && p.name !== 'modelerTemplateVersion');
    }
  }
  return copy;
}

const oa = oaDescriptorBeside(camundaDescriptor as unknown as ModdleDescriptor);
const oaUndeclared = new Set(oa.undeclared);

let moddle: BpmnModdle | null = null;
function getModdle(): BpmnModdle {
  if (!moddle) {
    moddle = new BpmnModdle({
      camunda: camundaDescriptor,
      zeebe: zeebeWithoutClashes(),
      oa: oa.descriptor,
    } as never);
  }
  return moddle;
}

export async function readModdle(xml: string): Promise<ModdleImport | { error: string }> {
  try {
    const result = (await getModdle().fromXML(xml, 'bpmn:Definitions')) as unknown as {
      rootElement: ModdleElement;
      warnings: ModdleWarning[];
    };
    if (!result.rootElement) return { error: 'No bpmn:definitions root element.' };
    return { definitions: result.rootElement, warnings: result.warnings };
  } catch (err) {
    // moddle rejects non-BPMN documents by throwing; that is an input error, not ours.
    return { error: (err as Error).message.split('\n')[0] };
  }
}

// Maps moddle warnings to diagnostics. What would change execution (unknown element, a
// reference to nothing, duplicate id) is an error inside an executable process; the rest
// (encoding, unknown attributes, diagram references) a warning.
export function reportWarnings(
  xml: string,
  warnings: readonly ModdleWarning[],
  sink: DiagnosticSink,
  executableAt: (offset: number) => boolean,
  executableElement: (element: ModdleElement | undefined) => boolean,
): void {
  for (const w of warnings) {
    const first = w.message.split('\n')[0];
    if (first.startsWith('unsupported document encoding')) {
      sink.warning('BPMN_ENCODING', null, `${first} (the declared encoding is ignored).`);
    } else if (first.startsWith('unknown attribute')) {
      const name = /<([^>]*)>/.exec(first)?.[1] ?? '';
      if (oaUndeclared.has(name)) continue;
      sink.warning('BPMN_UNKNOWN_ATTRIBUTE', w.element?.id ?? null, first);
    } else if (first.startsWith('unresolved reference')) {
      const property = String(w.property ?? '');
      const id = w.element?.id ?? null;
      if (property.startsWith('bpmndi:') || !executableElement(w.element)) {
        sink.warning('BPMN_DANGLING_REFERENCE', id, `${first} in ${property || 'a reference'}.`);
      } else {
        sink.error('BPMN_DANGLING_REFERENCE', id, `${first} in ${property}: it points to nothing.`);
      }
    } else {
      const offset = offsetOf(xml, w.message);
      const nested = /nested error: (.*)/.exec(w.message)?.[1] ?? first;
      const duplicate = /duplicate ID <([^>]*)>/.exec(nested);
      const executable = offset === null ? true : executableAt(offset);
      if (duplicate) {
        sink.executionError(executable, 'BPMN_DUPLICATE_ID', duplicate[1], `Duplicate id <${duplicate[1]}>.`);
      } else {
        const elementId = offset === null ? null : idAt(xml, offset);
        const code = /unknown type/.test(nested) ? 'BPMN_UNKNOWN_ELEMENT' : 'BPMN_PARSE';
        sink.executionError(executable, code, elementId, `${first.replace(/ detected$/, '')}: ${nested}.`);
      }
    }
  }
}

function offsetOf(xml: string, message: string): number | null {
  const line = /line: (\d+)/.exec(message);
  const column = /column: (\d+)/.exec(message);
  if (!line || !column) return null;
  let offset = 0;
  for (let l = 0; l < Number(line[1]); l++) {
    const next = xml.indexOf('\n', offset);
    if (next === -1) return null;
    offset = next + 1;
  }
  return offset + Number(column[1]);
}

// The id attribute of the tag that starts at or just before offset.
function idAt(xml: string, offset: number): string | null {
  const start = xml.lastIndexOf('<', Math.min(offset, xml.length - 1));
  if (start === -1) return null;
  const end = xml.indexOf('>', start);
  const tag = xml.slice(start, end === -1 ? undefined : end);
  return /\sid\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? null;
}
