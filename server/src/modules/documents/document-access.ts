import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import { InstanceAccess, InstanceRepository, isWorkflowAdmin } from '../runtime/runtime.api';
import type { DocumentEntity } from './document.entity';
import { DocumentErrors } from './documents.errors';
import { DocumentRepository, type Viewer } from './document.repository';

/**
 * Who may read a document: whoever may read its process instance (workflow admin, initiator,
 * anyone who has or had a task in it), its creator, and the readers it was circulated to.
 * Everyone else gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly instances: InstanceRepository,
    private readonly instanceAccess: InstanceAccess,
  ) {}

  async viewer(user: SessionUser): Promise<Viewer> {
    return { username: user.username, groups: await this.instanceAccess.groupsOf(user), all: isWorkflowAdmin(user) };
  }

  async readable(user: SessionUser, id: string): Promise<DocumentEntity> {
    const doc = await this.documents.findById(id);
    if (!doc || !(await this.canRead(user, doc))) throw DocumentErrors.notFound(id);
    return doc;
  }

  async canRead(user: SessionUser, doc: DocumentEntity): Promise<boolean> {
    if (isWorkflowAdmin(user) || doc.createdBy === user.username) return true;
    if (doc.instanceId) {
      const instance = await this.instances.findById(doc.instanceId);
      if (instance && (await this.instanceAccess.canRead(user, instance))) return true;
    }
    return this.documents.isCirculationReader(doc.id, user.username);
  }

  /** Who may change it: the drafter or whoever holds one of its open tasks (and a workflow admin). */
  async canEdit(user: SessionUser, doc: DocumentEntity): Promise<boolean> {
    if (isWorkflowAdmin(user) || doc.createdBy === user.username) return true;
    return !!doc.instanceId && this.documents.holdsOpenTask(doc.instanceId, await this.viewer(user));
  }
}
