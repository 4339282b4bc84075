import type { ExecutableProcess } from '../model/process.model';
import { DiagnosticSink, type Diagnostic } from './diagnostic';
import { readModdle, reportWarnings, type ModdleElement } from './moddle-reader';
import { compileProcess } from './process.compiler';
import { guardXml } from './xml-guard';

/** The result of compile(): every process in the file and every finding. */
export interface CompileResult {
  readonly processes: ExecutableProcess[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Compiles a BPMN 2.0 XML document. Never throws for bad input: hostile or broken XML yields
 * diagnostics (DOCTYPE, > 5 MB, nesting > 50, not XML …) and no processes.
 */
export async function compile(xml: string): Promise<CompileResult> {
  const guard = guardXml(xml);
  if (guard.length) return { processes: [], diagnostics: guard };
  const imported = await readModdle(xml);
  if ('error' in imported) {
    return {
      processes: [],
      diagnostics: [{ severity: 'error', code: 'BPMN_NOT_XML', elementId: null, message: `Not a BPMN document: ${imported.error}` }],
    };
  }
  const sink = new DiagnosticSink();
  const spans = executableSpans(xml);
  reportWarnings(
    xml,
    imported.warnings,
    sink,
    (offset) => spans.some(([from, to]) => offset >= from && offset <= to),
    (element) => isInExecutableProcess(element),
  );
  const roots = (imported.definitions['rootElements'] as ModdleElement[] | undefined) ?? [];
  const language =
    typeof imported.definitions['expressionLanguage'] === 'string' ? (imported.definitions['expressionLanguage'] as string) : undefined;
  // The BPMN default (XPath) is only meant when a file states it; absent, we read FEEL/JUEL.
  const explicitLanguage = language && /expressionLanguage\s*=/.test(xml) ? language : undefined;
  const processes: ExecutableProcess[] = [];
  for (const root of roots) {
    if (root.$type !== 'bpmn:Process') continue;
    try {
      processes.push(compileProcess(root, sink, explicitLanguage));
    } catch (err) {
      // An uploaded file must never turn into a server error: a compiler defect on odd input is
      // reported as an error diagnostic (and the definition cannot be deployed).
      sink.error('BPMN_PARSE', root.id ?? null, `Process ${root.id ?? ''} could not be compiled: ${(err as Error).message}`);
    }
  }
  if (processes.length === 0) sink.warning('BPMN_NO_PROCESS', null, 'The definition contains no process.');
  return { processes, diagnostics: dedupe(sink.items) };
}

/** True when compile() found no error. */
export function isDeployable(result: CompileResult): boolean {
  return !result.diagnostics.some((d) => d.severity === 'error');
}

/** The processes that can be started (isExecutable="true"). */
export function executableProcesses(result: CompileResult): ExecutableProcess[] {
  return result.processes.filter((p) => p.isExecutable);
}

function isInExecutableProcess(element: ModdleElement | undefined): boolean {
  for (let e = element; e; e = e.$parent) {
    if (e.$type === 'bpmn:Process') return e['isExecutable'] === true;
  }
  return false;
}

/** Character ranges of <process isExecutable="true"> elements in the raw text. */
function executableSpans(xml: string): [number, number][] {
  const spans: [number, number][] = [];
  const open = /<([\w.-]+:)?process\b([^>]*)>/g;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (!/isExecutable\s*=\s*["']true["']/.test(m[2])) continue;
    const closeTag = `</${m[1] ?? ''}process>`;
    const end = xml.indexOf(closeTag, m.index);
    spans.push([m.index, end === -1 ? xml.length : end]);
  }
  return spans;
}

function dedupe(items: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return items.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.elementId}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
