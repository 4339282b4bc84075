import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An official document (公文): the GB/T 9704 / GB/T 33480 elements. List-valued elements are
 * JSON text. `version` and `digest` name the current version in `document_version`.
 */
@Entity('official_document')
export class DocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 10 }) direction: 'incoming' | 'outgoing';
  @Column({ name: 'doc_type', type: 'varchar', length: 8 }) docType: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ name: 'title_pinyin', type: 'varchar', length: 200 }) titlePinyin: string;
  @Column({ name: 'title_initials', type: 'varchar', length: 40 }) titleInitials: string;
  @Column({ name: 'secret_level', type: 'varchar', length: 16 }) secretLevel: string;
  @Column({ name: 'secrecy_period', type: 'varchar', length: 300, nullable: true }) secrecyPeriod: string | null;
  @Column({ type: 'varchar', length: 16 }) urgency: string;
  @Column({ type: 'varchar', length: 200 }) issuer: string;
  @Column({ name: 'org_code', type: 'varchar', length: 20, nullable: true }) orgCode: string | null;
  /** 发文字号 text while allocated (unique); null before registration and after a void */
  @Column({ name: 'doc_number', type: 'varchar', length: 60, nullable: true }) docNumber: string | null;
  @Column({ type: 'text' }) signers: string;
  @Column({ name: 'main_recipients', type: 'text' }) mainRecipients: string;
  @Column({ name: 'cc_recipients', type: 'text' }) ccRecipients: string;
  @Column({ name: 'written_date', type: 'varchar', length: 10, nullable: true }) writtenDate: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ type: 'varchar', length: 16 }) disclosure: string;
  @Column({ name: 'disclosure_reason', type: 'varchar', length: 500, nullable: true }) disclosureReason: string | null;
  @Column({ name: 'attachment_notes', type: 'text' }) attachmentNotes: string;
  @Column({ type: 'text', nullable: true }) body: string | null;
  /** 份号, 保管人, 存放位置 of the paper copy (required at 秘密 and above) */
  @Column({ name: 'copy_number', type: 'varchar', length: 6, nullable: true }) copyNumber: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) custodian: string | null;
  @Column({ name: 'storage_location', type: 'varchar', length: 200, nullable: true }) storageLocation: string | null;
  @Column({ name: 'instance_id', type: 'varchar', length: 26, nullable: true }) instanceId: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 64 }) digest: string;
  /** the hash of the last version's chain link (document-versions.ts); null before the first chained version */
  @Column({ name: 'version_hash', type: 'varchar', length: 64, nullable: true }) versionHash: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 32 }) createdBy: string;
  @Column({ name: 'created_org_id', type: 'varchar', length: 26 }) createdOrgId: string;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime' }) updatedAt: Date;
}

/** Every version of a document: the canonical JSON of its elements and its SM3 digest. */
@Entity('document_version')
export class DocumentVersionEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 64 }) digest: string;
  @Column({ type: 'text' }) content: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 32 }) changedBy: string;
  @Column({ name: 'changed_at', type: 'datetime' }) changedAt: Date;
  /** SM3(previous version's hash ‖ this row's canonical form); null on versions written before the chain */
  @Column({ type: 'varchar', length: 64, nullable: true }) hash: string | null;
}

/** 收文登记 of an incoming document. */
@Entity('incoming_registration')
export class IncomingRegistrationEntity {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  /** 收文号, e.g. 收〔2026〕7号: one series per registering organization and year */
  @Column({ name: 'reg_no', type: 'varchar', length: 40 }) regNo: string;
  @Column({ name: 'source_org', type: 'varchar', length: 200 }) sourceOrg: string;
  @Column({ name: 'source_doc_number', type: 'varchar', length: 60, nullable: true }) sourceDocNumber: string | null;
  @Column({ name: 'signed_for_by', type: 'varchar', length: 32 }) signedForBy: string;
  /** to the minute */
  @Column({ name: 'signed_for_at', type: 'datetime' }) signedForAt: Date;
  @Column({ type: 'varchar', length: 12 }) channel: string;
  @Column({ name: 'handling_type', type: 'varchar', length: 8 }) handlingType: string;
  @Column({ type: 'int' }) copies: number;
  @Column({ name: 'time_limit_workdays', type: 'int', nullable: true }) timeLimitWorkdays: number | null;
  @Column({ name: 'due_at', type: 'datetime', nullable: true }) dueAt: Date | null;
  @Column({ name: 'due_provisional', type: 'boolean' }) dueProvisional: boolean;
  @Column({ name: 'calendar_version', type: 'int', nullable: true }) calendarVersion: number | null;
  @Column({ name: 'lead_dept', type: 'varchar', length: 26, nullable: true }) leadDept: string | null;
  @Column({ name: 'assist_depts', type: 'text' }) assistDepts: string;
}

/** The last number handed out per (机关代字 or 收文 key, year); its row is locked while allocating. */
@Entity('doc_number_sequence')
export class DocNumberSequenceEntity {
  @PrimaryColumn({ name: 'seq_key', type: 'varchar', length: 64 }) seqKey: string;
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ name: 'last_seq', type: 'int' }) lastSeq: number;
}

/** Every 发文字号 ever allocated, voided ones included: a number is never handed out twice. */
@Entity('doc_number')
export class DocNumberEntity {
  @PrimaryColumn({ name: 'org_code', type: 'varchar', length: 20 }) orgCode: string;
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 60 }) text: string;
  @Column({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  @Column({ type: 'varchar', length: 10 }) status: 'allocated' | 'voided';
  @Column({ name: 'allocated_by', type: 'varchar', length: 32 }) allocatedBy: string;
  @Column({ name: 'allocated_at', type: 'datetime' }) allocatedAt: Date;
  @Column({ name: 'voided_by', type: 'varchar', length: 32, nullable: true }) voidedBy: string | null;
  @Column({ name: 'voided_at', type: 'datetime', nullable: true }) voidedAt: Date | null;
  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true }) voidReason: string | null;
}

@Entity('document_attachment')
export class AttachmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id: string;
  @Column({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ name: 'content_type', type: 'varchar', length: 100 }) contentType: string;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) size: number;
  @Column({ type: 'varchar', length: 64 }) sm3: string;
  @Column({ name: 'storage_key', type: 'varchar', length: 100 }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'varchar', length: 32 }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'datetime' }) uploadedAt: Date;
}

/** 传阅: a document passed to readers in sequence or in parallel. */
@Entity('circulation')
export class CirculationEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id: string;
  @Column({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  @Column({ name: 'order_kind', type: 'varchar', length: 12 }) order: 'sequential' | 'parallel';
  @Column({ type: 'varchar', length: 12 }) status: 'active' | 'completed';
  @Column({ name: 'created_by', type: 'varchar', length: 32 }) createdBy: string;
  @Column({ name: 'created_at', type: 'datetime' }) createdAt: Date;
}

@Entity('circulation_reader')
export class CirculationReaderEntity {
  @PrimaryColumn({ name: 'circulation_id', type: 'varchar', length: 26 }) circulationId: string;
  @PrimaryColumn({ type: 'varchar', length: 32 }) username: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 10 }) status: 'pending' | 'holding' | 'read' | 'skipped';
  @Column({ name: 'read_at', type: 'datetime', nullable: true }) readAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ name: 'skip_reason', type: 'varchar', length: 500, nullable: true }) skipReason: string | null;
}

/** 变更密级: every change of a document's 密级, by the security admin, with the reason. */
@Entity('document_classification_change')
export class ClassificationChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 26 }) id: string;
  @Column({ name: 'document_id', type: 'varchar', length: 26 }) documentId: string;
  @Column({ name: 'from_level', type: 'varchar', length: 16 }) fromLevel: string;
  @Column({ name: 'to_level', type: 'varchar', length: 16 }) toLevel: string;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 32 }) changedBy: string;
  @Column({ name: 'changed_at', type: 'datetime' }) changedAt: Date;
}

export const DOCUMENT_ENTITIES = [
  DocumentEntity,
  DocumentVersionEntity,
  IncomingRegistrationEntity,
  DocNumberSequenceEntity,
  DocNumberEntity,
  AttachmentEntity,
  CirculationEntity,
  CirculationReaderEntity,
  ClassificationChangeEntity,
];
