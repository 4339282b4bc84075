import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OpinionSubjects } from '../tasks/tasks.api';
import { DocumentRepository } from './document.repository';

/**
 * Binds every opinion written in a document's process to the SM3 digest of the document
 * version current at that moment (the approvals module asks its registered resolvers). Read in
 * the opinion's own transaction, so a change committed before it is what the opinion covers.
 */
@Injectable()
export class DocumentOpinionSubject implements OnModuleInit {
  constructor(
    private readonly subjects: OpinionSubjects,
    private readonly documents: DocumentRepository,
  ) {}

  onModuleInit(): void {
    this.subjects.register(async (m, instanceId) => {
      const doc = await this.documents.findByInstance(instanceId, m);
      return doc ? { documentId: doc.id, digest: doc.digest } : null;
    });
  }
}
