import { ChangeDetectionStrategy, Component, booleanAttribute, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { EligibleOrg, EligiblePerson, EligibleStep } from '@liuzhuan/contracts';
import { NzSelectModule, type NzSelectItemInterface } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from './a11y/select-label.directive';

/** One organization of the picker with its eligible people, in tree order. */
interface OrgGroup {
  org: EligibleOrg;
  /** the path under the government, e.g. 「汉滨区政府 / 汉滨区财政局」, for organizations two levels down */
  label: string;
  people: EligiblePerson[];
}

/**
 * Whether a typed query finds a person: full pinyin, initials, Chinese name or username of the
 * person, or any of those of their organization's name and short name (the server sends the
 * organization's keys). 「住建」 and 「zjj」 both find 市住房和城乡建设局 (short name 市住建局, szjj).
 */
export function pickerMatches(query: string, person: EligiblePerson, org: EligibleOrg | undefined): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  const keys = [person.displayName, person.username, person.pinyin, person.initials, person.position ?? ''];
  if (org) keys.push(org.name, org.shortName ?? '', org.code, ...org.keys.split(' '));
  return keys.some((k) => k.toLowerCase().includes(q));
}

/**
 * 会签/签发人/下一步办理人: the eligible people of a step grouped by organization (the org tree),
 * found by pinyin, initials, names and short names; the value is usernames. Choosing a
 * department's head sends the step to that department.
 */
@Component({
  selector: 'app-org-picker',
  imports: [FormsModule, NzSelectModule, SelectLabelDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-select
      class="org-picker"
      [nzId]="inputId()"
      [nzMode]="multiple() ? 'multiple' : 'default'"
      nzShowSearch
      nzAllowClear
      [nzPlaceHolder]="placeholder()"
      [nzNotFoundContent]="emptyText()"
      [nzLoading]="loading()"
      [nzStatus]="invalid() ? 'error' : ''"
      [nzFilterOption]="filter"
      [nzDisabled]="disabled()"
      [ngModel]="multiple() ? value() : (value()[0] ?? null)"
      (ngModelChange)="choose($event)"
      [attr.aria-label]="label()"
      style="width: 100%"
    >
      @for (group of groups(); track group.org.id) {
        <nz-option-group [nzLabel]="group.label">
          @for (person of group.people; track person.username) {
            <nz-option [nzValue]="person.username" [nzLabel]="optionLabel(person, group.org)" />
          }
        </nz-option-group>
      }
    </nz-select>
  `,
})
export class OrgPickerComponent {
  /** The step's eligible people and their organizations (GET …/eligible); null while loading. */
  readonly step = input<EligibleStep | null>(null);
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly label = input('');
  readonly inputId = input<string | null>(null);
  readonly placeholder = input('输入姓名、单位、拼音或首字母');
  readonly emptyText = input('没有可选的人员');
  readonly loading = input(false);
  readonly invalid = input(false);
  readonly disabled = input(false);
  /** Chosen usernames (at most one when not multiple). */
  readonly value = model<string[]>([]);

  private readonly orgs = computed(() => new Map((this.step()?.orgs ?? []).map((o) => [o.id, o])));
  private readonly people = computed(() => new Map((this.step()?.people ?? []).map((p) => [p.username, p])));

  protected readonly groups = computed<OrgGroup[]>(() => {
    const step = this.step();
    if (!step) return [];
    const orgs = this.orgs();
    return step.orgs
      .map((org) => ({ org, label: pathOf(org, orgs), people: step.people.filter((p) => p.orgId === org.id) }))
      .filter((g) => g.people.length > 0);
  });

  /** ng-zorro calls this with the typed text and each option. */
  protected readonly filter = (query: string, option: NzSelectItemInterface): boolean => {
    const person = this.people().get(String(option.nzValue));
    return !!person && pickerMatches(query, person, this.orgs().get(person.orgId));
  };

  protected optionLabel(person: EligiblePerson, org: EligibleOrg): string {
    return `${person.displayName}（${org.shortName ?? org.name}${person.position ? ' ' + person.position : ''}）`;
  }

  protected choose(value: string | string[] | null): void {
    this.value.set(value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);
  }
}

/** 「安康市汉滨区人民政府 / 汉滨区财政局」: below the top level the parent's short name leads. */
function pathOf(org: EligibleOrg, orgs: Map<string, EligibleOrg>): string {
  const parent = org.parentId ? orgs.get(org.parentId) : undefined;
  const name = org.name;
  return parent && parent.parentId ? `${parent.shortName ?? parent.name} / ${name}` : name;
}
