// The oa: moddle descriptor (oa.json) and its use beside other vendor descriptors.
import oaDescriptor from './oa.json';

interface DescriptorType {
  name: string;
  extends?: string[];
  properties?: { name: string }[];
}

/** A moddle package descriptor, as in oa.json or camunda-bpmn-moddle/resources/camunda.json. */
export interface ModdleDescriptor {
  readonly types: readonly DescriptorType[];
  readonly [key: string]: unknown;
}

/** The `oa:` descriptor as shipped (namespace http://liuzhuan.org/schema/bpmn/oa). */
export const OA_DESCRIPTOR: ModdleDescriptor = oaDescriptor as unknown as ModdleDescriptor;

/**
 * moddle refuses two extensions that declare the same local property name on one BPMN type, so
 * `oa:assignee` cannot be declared next to `camunda:assignee`. Returns a copy of the oa descriptor
 * without the clashing properties, for loading beside the given descriptors, and the qualified
 * names left undeclared: moddle keeps those in `$attrs` (e.g. `$attrs['oa:assignee']`), where the
 * engine reads them and the designer can write them.
 */
export function oaDescriptorBeside(...others: ModdleDescriptor[]): { descriptor: ModdleDescriptor; undeclared: string[] } {
  const copy = JSON.parse(JSON.stringify(OA_DESCRIPTOR)) as { types: DescriptorType[] };
  const undeclared: string[] = [];
  for (const type of copy.types) {
    const taken = new Set<string>();
    for (const other of others) {
      for (const t of other.types) {
        if (!t.extends?.some((e) => type.extends?.includes(e))) continue;
        for (const p of t.properties ?? []) taken.add(p.name.replace(/^.*:/, ''));
      }
    }
    type.properties = (type.properties ?? []).filter((p) => {
      if (!taken.has(p.name)) return true;
      undeclared.push(`oa:${p.name}`);
      return false;
    });
  }
  return { descriptor: copy as unknown as ModdleDescriptor, undeclared: [...new Set(undeclared)] };
}
