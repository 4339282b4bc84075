import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { DefinitionRepository } from './definition.repository';
import { DefinitionsService } from './definitions.service';

/** The processes shipped in `workflows/<name>/<name>.bpmn`, each deployed under the key `<name>`. */
export const SHIPPED_WORKFLOWS = ['incoming-document', 'outgoing-document', 'leader-mailbox', 'disclosure-review', 'request-approval'] as const;

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

/** Demo mode: deploys the shipped workflows at first start; a key that exists is left alone. */
@Injectable()
export class ShippedWorkflows {
  private readonly logger = new Logger('ShippedWorkflows');

  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly service: DefinitionsService,
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
      await this.service.deploy(xml, SHIPPED_BY);
      deployed.push(key);
    }
    if (deployed.length) this.logger.log(`deployed the shipped workflows: ${deployed.join(', ')}`);
    return deployed;
  }
}
