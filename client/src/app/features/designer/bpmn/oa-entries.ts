// The entries of the 流转 (oa:) group in the properties panel. @bpmn-io/properties-panel renders
// with its bundled preact; the vnodes are built with that preact's `h`, so no JSX step is needed.
import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { useService } from 'bpmn-js-properties-panel';
import type { DesignerKey } from '../designer-i18n';
import type { PickableUser } from '../definitions-api.service';
import {
  assigneeFromError,
  dueWorkdaysError,
  formatCountersign,
  isMultiInstance,
  isValidCountersign,
  normalizeGroups,
  oaUpdate,
  parseCountersign,
  readOa,
  type CountersignRuleKind,
  type OaTaskAttribute,
} from './oa-properties';

/** The services the oa module registers next to bpmn-js's own (see oa-properties-provider.ts). */
export type OaTranslate = (key: DesignerKey, params?: Record<string, string | number>) => string;
export type OaUserSearch = (q: string) => Promise<PickableUser[]>;

interface Shape {
  id: string;
  businessObject: Parameters<typeof readOa>[0];
}
interface EntryProps {
  element: Shape;
  id: string;
}
/** One entry of a properties panel group. */
export interface OaEntry {
  id: string;
  element: Shape;
  component: (props: EntryProps) => unknown;
  isEdited: (node: unknown) => boolean;
}
interface Modeling {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
  updateModdleProperties(element: Shape, moddleElement: unknown, properties: Record<string, unknown>): void;
}

/** The timer definition of a timer start, boundary or intermediate event, if it is one. */
export function timerDefinitionOf(bo: Shape['businessObject']): Shape['businessObject'] | undefined {
  const definitions = (bo as { eventDefinitions?: Shape['businessObject'][] } | undefined)?.eventDefinitions ?? [];
  return definitions.find((d) => d?.$type === 'bpmn:TimerEventDefinition');
}

function textEntry(
  name: OaTaskAttribute,
  label: DesignerKey,
  options: { description?: DesignerKey; validate?: (v: string) => DesignerKey | null; normalize?: (v: string) => string } = {},
) {
  return function OaTextEntry({ element, id }: EntryProps) {
    const modeling = useService<Modeling>('modeling');
    const debounce = useService('debounceInput');
    const t = useService<OaTranslate>('oaTranslate');
    return h(TextFieldEntry, {
      element,
      id,
      label: t(label),
      description: options.description ? t(options.description) : undefined,
      debounce,
      // A value imported from Camunda (camunda:candidateGroups …) applies while oa: is empty,
      // as in the engine's firstOf(oa, zeebe, camunda); the placeholder shows it.
      placeholder: vendorFallback(element.businessObject, name),
      getValue: () => readOa(element.businessObject, name),
      setValue: (value: string) =>
        modeling.updateProperties(element, oaUpdate(name, options.normalize ? options.normalize(value ?? '') : value)),
      validate: options.validate
        ? (value: string) => {
            const key = options.validate?.(value ?? '');
            return key ? t(key) : null;
          }
        : undefined,
    });
  };
}

function vendorFallback(bo: Shape['businessObject'], name: OaTaskAttribute): string | undefined {
  if (name !== 'assignee' && name !== 'candidateGroups' && name !== 'formKey') return undefined;
  const value = bo?.get?.(`camunda:${name}`) ?? bo?.$attrs?.[`camunda:${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** 办理人: a user picked by Chinese name, pinyin or initials; the username is stored. */
function AssigneeEntry({ element, id }: EntryProps) {
  const modeling = useService<Modeling>('modeling');
  const search = useService<OaUserSearch>('oaUserSearch');
  const t = useService<OaTranslate>('oaTranslate');
  const current = readOa(element.businessObject, 'assignee');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickableUser[]>([]);
  const [searched, setSearched] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setSearched('');
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      search(q).then(
        (users) => {
          if (cancelled) return;
          setResults(users);
          setSearched(q);
        },
        // The error interceptor has told the user already; the list just stays empty.
        () => !cancelled && setSearched(q),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const pick = (value: string) => {
    modeling.updateProperties(element, oaUpdate('assignee', value));
    setQuery('');
  };
  const inputId = `bio-properties-panel-${id}`;
  const q = query.trim();
  return h('div', { class: 'bio-properties-panel-entry oa-user-picker', 'data-entry-id': id }, [
    h('label', { class: 'bio-properties-panel-label', for: inputId }, t('designer.oa.assignee')),
    h(
      'div',
      { class: 'oa-user-picker-current' },
      current
        ? [
            h('span', { class: 'oa-user-picker-value' }, current),
            h('button', { type: 'button', class: 'oa-user-picker-link', onClick: () => pick('') }, t('designer.oa.clear')),
          ]
        : h('span', { class: 'oa-user-picker-empty' }, vendorFallback(element.businessObject, 'assignee') ?? t('designer.oa.assigneeNone')),
    ),
    h('input', {
      id: inputId,
      class: 'bio-properties-panel-input',
      type: 'search',
      autocomplete: 'off',
      spellcheck: false,
      value: query,
      placeholder: t('designer.oa.assigneeSearch'),
      onInput: (e: Event) => setQuery((e.target as HTMLInputElement).value),
    }),
    results.length
      ? h(
          'ul',
          { class: 'oa-user-picker-results', role: 'listbox', 'aria-label': t('designer.oa.assignee') },
          results.map((u) =>
            h(
              'li',
              { key: u.id },
              h('button', { type: 'button', role: 'option', 'aria-selected': 'false', onClick: () => pick(u.username) }, [
                h('span', null, u.displayName),
                h('small', null, `${u.username}${u.position ? ' · ' + u.position : ''}`),
              ]),
            ),
          ),
        )
      : null,
    searched && searched === q && !results.length
      ? h('div', { class: 'oa-user-picker-none' }, [
          t('designer.oa.noUsers'),
          h('button', { type: 'button', class: 'oa-user-picker-link', onClick: () => pick(query) }, t('designer.oa.useTyped')),
        ])
      : null,
    h('div', { class: 'bio-properties-panel-description' }, t('designer.oa.assigneeHint')),
  ]);
}

/** 会签规则: all / any / veto / ratio:x; a note says when the task is not multi-instance. */
function CountersignEntry({ element, id }: EntryProps) {
  const modeling = useService<Modeling>('modeling');
  const t = useService<OaTranslate>('oaTranslate');
  const bo = element.businessObject;
  const multi = isMultiInstance(bo);
  return h(SelectEntry, {
    element,
    id,
    label: t('designer.oa.countersign'),
    description: multi ? t('designer.oa.countersignHint') : t('designer.oa.countersignNeedsMulti'),
    getValue: () => parseCountersign(readOa(bo, 'countersign')).kind,
    setValue: (kind: CountersignRuleKind | '') =>
      modeling.updateProperties(
        element,
        oaUpdate('countersign', formatCountersign(kind, parseCountersign(readOa(bo, 'countersign')).ratio)),
      ),
    getOptions: () => [
      { value: '', label: t('designer.oa.countersign.none') },
      { value: 'all', label: t('designer.oa.countersign.all') },
      { value: 'any', label: t('designer.oa.countersign.any') },
      { value: 'ratio', label: t('designer.oa.countersign.ratio') },
      { value: 'veto', label: t('designer.oa.countersign.veto') },
    ],
  });
}

function CountersignRatioEntry({ element, id }: EntryProps) {
  const modeling = useService<Modeling>('modeling');
  const debounce = useService('debounceInput');
  const t = useService<OaTranslate>('oaTranslate');
  const bo = element.businessObject;
  return h(TextFieldEntry, {
    element,
    id,
    label: t('designer.oa.countersignRatio'),
    debounce,
    getValue: () => parseCountersign(readOa(bo, 'countersign')).ratio,
    setValue: (ratio: string) => modeling.updateProperties(element, oaUpdate('countersign', formatCountersign('ratio', ratio ?? ''))),
    validate: (ratio: string) => (isValidCountersign(`ratio:${(ratio ?? '').trim()}`) ? null : t('designer.oa.countersignInvalid')),
  });
}

/** 表单: the form key, and a button that opens the form-js editor on it. */
function FormKeyEntry({ element, id }: EntryProps) {
  const eventBus = useService<{ fire(type: string, data: unknown): void }>('eventBus');
  const t = useService<OaTranslate>('oaTranslate');
  return h('div', { class: 'oa-form-key' }, [
    h(FormKeyText, { element, id }),
    h(
      'button',
      { type: 'button', class: 'oa-form-edit', onClick: () => eventBus.fire('oa.form.edit', { element }) },
      t('designer.oa.editForm'),
    ),
  ]);
}

/** 定时（工作日）: oa:dueWorkdays on the timer definition; the engine prefers it to the ISO timer. */
function TimerWorkdaysEntry({ element, id }: EntryProps) {
  const modeling = useService<Modeling>('modeling');
  const debounce = useService('debounceInput');
  const t = useService<OaTranslate>('oaTranslate');
  const definition = timerDefinitionOf(element.businessObject);
  return h(TextFieldEntry, {
    element,
    id,
    label: t('designer.oa.timerWorkdays'),
    description: t('designer.oa.timerWorkdaysHint'),
    debounce,
    getValue: () => readOa(definition, 'dueWorkdays'),
    setValue: (value: string) => modeling.updateModdleProperties(element, definition, oaUpdate('dueWorkdays', value)),
    validate: (value: string) => {
      const key = dueWorkdaysError(value ?? '');
      return key ? t(key) : null;
    },
  });
}

// Component types are created once: a new function per render would remount the input (and lose focus).
const FormKeyText = textEntry('formKey', 'designer.oa.formKey', { description: 'designer.oa.formKeyHint' });
const CandidateGroupsEntry = textEntry('candidateGroups', 'designer.oa.candidateGroups', {
  description: 'designer.oa.candidateGroupsHint',
  normalize: normalizeGroups,
});
const OrgRoleEntry = textEntry('orgRole', 'designer.oa.orgRole', { description: 'designer.oa.orgRoleHint' });
const AssigneeFromEntry = textEntry('assigneeFrom', 'designer.oa.assigneeFrom', {
  description: 'designer.oa.assigneeFromHint',
  validate: assigneeFromError,
});
const DueWorkdaysEntry = textEntry('dueWorkdays', 'designer.oa.dueWorkdays', { validate: dueWorkdaysError });

/** The entries for a user task, in the order of the panel. */
export function userTaskEntries(element: Shape): OaEntry[] {
  const entries: OaEntry[] = [
    { id: 'oa-assignee', element, component: AssigneeEntry, isEdited: () => !!readOa(element.businessObject, 'assignee') },
    { id: 'oa-candidateGroups', element, component: CandidateGroupsEntry, isEdited: isTextFieldEntryEdited },
    { id: 'oa-orgRole', element, component: OrgRoleEntry, isEdited: isTextFieldEntryEdited },
    { id: 'oa-assigneeFrom', element, component: AssigneeFromEntry, isEdited: isTextFieldEntryEdited },
    { id: 'oa-dueWorkdays', element, component: DueWorkdaysEntry, isEdited: isTextFieldEntryEdited },
    { id: 'oa-countersign', element, component: CountersignEntry, isEdited: isSelectEntryEdited },
  ];
  if (parseCountersign(readOa(element.businessObject, 'countersign')).kind === 'ratio') {
    entries.push({ id: 'oa-countersignRatio', element, component: CountersignRatioEntry, isEdited: isTextFieldEntryEdited });
  }
  entries.push({ id: 'oa-formKey', element, component: FormKeyEntry, isEdited: () => !!readOa(element.businessObject, 'formKey') });
  return entries;
}

/** Timer events: a due time in working days (法定节假日 not counted), from the calendar. */
export function timerEventEntries(element: Shape): OaEntry[] {
  return [{ id: 'oa-timerWorkdays', element, component: TimerWorkdaysEntry, isEdited: isTextFieldEntryEdited }];
}

/** A start event carries only the form of the one who starts the process. */
export function startEventEntries(element: Shape): OaEntry[] {
  return [{ id: 'oa-formKey', element, component: FormKeyEntry, isEdited: () => !!readOa(element.businessObject, 'formKey') }];
}
