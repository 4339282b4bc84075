import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { FORM_KEY_PATTERN } from '@liuzhuan/contracts';
import { FormsService } from '../forms/forms.api';
import { SYSTEM_AUDIT } from '../audit/audit.api';
import { DefinitionRepository } from './definition.repository';
import { DefinitionsService } from './definitions.service';

/** The processes shipped in `workflows/<name>/<name>.bpmn`, each deployed under the key `<name>`. */
export const SHIPPED_WORKFLOWS = [
  'incoming-document',
  'outgoing-document',
  'leader-mailbox',
  'disclosure-review',
  'request-approval',
] as const;

/** The deployer recorded for the shipped processes (no user deployed them). */
export const SHIPPED_BY = 'system';

/**
 * Where the workflow files are: next to the bundle (webpack copies them to dist/server/workflows),
 * in the source tree (tests, ts-node), or in the working directory.
 */
export function findWorkflowsDir(): string | null {
  const candidates = [join(__dirname, 'workflows'), join(__dirname, '../../../../workflows'), join(process.cwd(), 'workflows')];
  return candidates.find((dir) => existsSync(join(dir, SHIPPED_WORKFLOWS[0], `${SHIPPED_WORKFLOWS[0]}.bpmn`))) ?? null;
}

/** The BPMN text of each shipped workflow found in `dir`. */
export function readShippedWorkflows(dir: string): { key: string; xml: string }[] {
  const names = new Set(readdirSync(dir));
  return SHIPPED_WORKFLOWS.filter((key) => names.has(key) && existsSync(join(dir, key, `${key}.bpmn`))).map((key) => ({
    key,
    xml: readFileSync(join(dir, key, `${key}.bpmn`), 'utf8'),
  }));
}

/**
 * The task forms shipped next to each workflow: `workflows/<name>/<formKey>.form` (form-js JSON),
 * keyed by the file name, which is what the `.bpmn` files' `oa:formKey` values name.
 */
export function readShippedForms(dir: string): { key: string; file: string; schema: unknown }[] {
  const names = new Set(readdirSync(dir));
  return SHIPPED_WORKFLOWS.filter((name) => names.has(name)).flatMap((name) =>
    readdirSync(join(dir, name))
      .filter((file) => file.endsWith('.form'))
      .sort()
      .map((file) => ({
        key: file.slice(0, -'.form'.length),
        file: join(dir, name, file),
        schema: JSON.parse(readFileSync(join(dir, name, file), 'utf8')) as unknown,
      }))
      .filter(({ key }) => FORM_KEY_PATTERN.test(key)),
  );
}

/** Demo mode: deploys the shipped workflows at first start; a key that exists is left alone. */
@Injectable()
export class ShippedWorkflows {
  private readonly logger = new Logger('ShippedWorkflows');

  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly service: DefinitionsService,
    private readonly forms: FormsService,
  ) {}

  /** Returns the keys it deployed. */
  async deployMissing(dir: string | null = findWorkflowsDir()): Promise<string[]> {
    if (!dir) {
      this.logger.warn('no workflows directory found: the shipped workflows are not deployed');
      return [];
    }
    const deployed: string[] = [];
    for (const { key, xml } of readShippedWorkflows(dir)) {
      if (await this.definitions.findByKey(key, undefined)) continue;
      await this.service.deploy(xml, SHIPPED_BY, SYSTEM_AUDIT);
      deployed.push(key);
    }
    if (deployed.length) this.logger.log(`deployed the shipped workflows: ${deployed.join(', ')}`);
    await this.deployMissingForms(dir);
    return deployed;
  }

  /** Stores each shipped form as version 1 of its key; a key that has a version is left alone. Returns the keys it stored. */
  async deployMissingForms(dir: string | null = findWorkflowsDir()): Promise<string[]> {
    if (!dir) return [];
    const deployed: string[] = [];
    for (const { key, file, schema } of readShippedForms(dir)) {
      const id = (schema as { id?: unknown } | null)?.id;
      if (id !== undefined && id !== key) this.logger.warn(`${file}: its id ${String(id)} is not its file name; deployed under ${key}`);
      if (await this.forms.deployIfMissing(key, schema, SHIPPED_BY)) deployed.push(key);
    }
    if (deployed.length) this.logger.log(`deployed the shipped forms: ${deployed.join(', ')}`);
    return deployed;
  }
}
