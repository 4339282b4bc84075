import { Injectable } from '@nestjs/common';
import { deserializeProcess, type ExecutableProcess } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { DefinitionErrors } from './definitions.errors';
import { DefinitionRepository } from './definition.repository';

const CAPACITY = 500;

/**
 * Compiled processes by definition id (an LRU in memory). A definition version never changes
 * once deployed, so entries never go stale; XML is parsed only at deploy time.
 */
@Injectable()
export class ProcessCache {
  private readonly entries = new Map<string, ExecutableProcess>();

  constructor(private readonly definitions: DefinitionRepository) {}

  async get(definitionId: string, m?: EntityManager): Promise<ExecutableProcess> {
    const hit = this.entries.get(definitionId);
    if (hit) {
      // re-insert: a Map iterates in insertion order, so the first key is the least recent
      this.entries.delete(definitionId);
      this.entries.set(definitionId, hit);
      return hit;
    }
    const row = await this.definitions.findById(definitionId, m);
    if (!row) throw DefinitionErrors.notFound(definitionId);
    const process = deserializeProcess(row.compiled);
    this.put(definitionId, process);
    return process;
  }

  put(definitionId: string, process: ExecutableProcess): void {
    this.entries.set(definitionId, process);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }
}
