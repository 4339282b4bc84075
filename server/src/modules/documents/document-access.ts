import { Injectable } from '@nestjs/common';
import { clearanceAllows, levelsAllowed, type SessionUser } from '@liuzhuan/contracts';
import { InstanceAccess, InstanceRepository } from '../runtime/runtime.api';
import type { DocumentEntity } from './document.entity';
import { DocumentErrors } from './documents.errors';
import { DocumentRepository, type Viewer } from './document.repository';

/**
 * Who may read a document — by part, and by clearance (issue #15): its creator, whoever has a
 * part in its process instance (initiator, who acted in it, a candidate of an open unclaimed
 * task, 抄送 recipients: InstanceAccess) and the readers it was circulated to (传阅, its 知悉范围);
 * for a 秘密 or higher document, only those of them whose clearance allows its 密级. A workflow
 * admin reads a document only with such a part: their intervention view is the instance's
 * metadata (GET /instances/:id), never the body or the attachments. Everyone else gets the same
 * 404 as for an id that does not exist.
 */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly instances: InstanceRepository,
    private readonly instanceAccess: InstanceAccess,
  ) {}

  async viewer(user: SessionUser): Promise<Viewer> {
    return { username: user.username, groups: await this.instanceAccess.groupsOf(user), levels: levelsAllowed(user.clearance) };
  }

  async readable(user: SessionUser, id: string): Promise<DocumentEntity> {
    const doc = await this.documents.findById(id);
    if (!doc || !(await this.canRead(user, doc))) throw DocumentErrors.notFound(id);
    return doc;
  }

  async canRead(user: SessionUser, doc: DocumentEntity): Promise<boolean> {
    if (!clearanceAllows(user.clearance, doc.secretLevel)) return false;
    if (doc.createdBy === user.username) return true;
    if (doc.instanceId) {
      const instance = await this.instances.findById(doc.instanceId);
      if (instance && (await this.instanceAccess.hasPart(user, instance))) return true;
    }
    return this.documents.isCirculationReader(doc.id, user.username);
  }

  /** Who may change it: the drafter or whoever holds one of its open tasks (and a workflow admin who can read it). */
  async canEdit(user: SessionUser, doc: DocumentEntity): Promise<boolean> {
    if (user.roles.includes('workflow_admin') || doc.createdBy === user.username) return true;
    return !!doc.instanceId && this.documents.holdsOpenTask(doc.instanceId, await this.viewer(user));
  }
}
