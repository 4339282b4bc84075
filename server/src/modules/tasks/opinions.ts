import { Injectable } from '@nestjs/common';
import {
  type Opinion,
  type OpinionField,
  type OpinionInput,
  type OpinionList,
  OPINION_KINDS,
  type SessionUser,
  type VoteField,
  voteOf,
} from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { UserRepository } from '../org/org.api';
import { storable } from '../../platform/crypto/record-chain';
import { type InstanceEntity, InstanceAccess, InstanceRepository, type TaskEntity } from '../runtime/runtime.api';
import { opinionHash } from './opinion-chain';
import { OpinionEntity } from './opinion.entity';
import { ApprovalsRepository } from './approvals.repository';
import { TaskErrors } from './tasks.errors';

/** The document an opinion is written on, with the SM3 digest of its current version. */
export type OpinionSubject = { documentId: string; digest: string };
export type OpinionSubjectResolver = (m: EntityManager, instanceId: string) => Promise<OpinionSubject | null>;
/** An opinion just written (its row goes out with the unit's writes): what a module may act on in the same unit. */
export type WrittenOpinion = Pick<
  OpinionEntity,
  'id' | 'instanceId' | 'taskId' | 'elementId' | 'author' | 'onBehalfOf' | 'kind' | 'text' | 'documentId' | 'documentDigest' | 'createdAt'
>;
export type OpinionWrittenHook = (tx: Tx, opinion: WrittenOpinion) => Promise<void>;

/**
 * Where an opinion's document comes from: the documents module registers a resolver, so every
 * opinion carries the digest of the document version it was written on (公文 意见 bound to the text).
 */
@Injectable()
export class OpinionSubjects {
  private readonly resolvers: OpinionSubjectResolver[] = [];
  private readonly written: OpinionWrittenHook[] = [];

  register(resolver: OpinionSubjectResolver): void {
    this.resolvers.push(resolver);
  }

  /** Runs after every opinion is written, in its unit (the documents module signs a 签发 opinion here). */
  onWritten(hook: OpinionWrittenHook): void {
    this.written.push(hook);
  }

  async afterWrite(tx: Tx, opinion: WrittenOpinion): Promise<void> {
    for (const hook of this.written) await hook(tx, opinion);
  }

  async resolve(m: EntityManager, instanceId: string): Promise<OpinionSubject | null> {
    for (const resolver of this.resolvers) {
      const subject = await resolver(m, instanceId);
      if (subject) return subject;
    }
    return null;
  }
}

/** A plain-text opinion (the original CompleteTask contract) or the structured one. */
export function normalizeOpinion(input: string | OpinionInput | undefined): OpinionInput | null {
  if (input === undefined) return null;
  if (typeof input === 'string') return input.trim() ? { text: input } : null;
  return input;
}

/**
 * The opinions a completion's variables carry in the form's opinion fields: each non-blank text,
 * of the field's kind (a kind the contract does not know is a 'note'), at most the opinion length.
 */
export function fieldOpinions(fields: readonly OpinionField[], variables: Record<string, unknown>): OpinionInput[] {
  return fields.flatMap((field) => {
    const value = variables[field.key];
    if (typeof value !== 'string' || !value.trim()) return [];
    if (value.length > 2000) throw TaskErrors.opinionTooLong(field.key);
    return [{ text: value, kind: opinionKind(field.kind) }];
  });
}

const VOTE_TEXT = { agree: '同意', disagree: '不同意' } as const;

/**
 * What one completion writes as opinions: one entry per person and step (the 处理单 shows each
 * signer once). The panel's opinion and the text of the form's opinion field are the same act —
 * the person's opinion at this step — so they merge into one opinion of the field's kind (the
 * panel's words first, the same words never twice); the form's vote field (会签 同意/不同意) is that
 * opinion's `approve`, and a vote with no words is written as 同意/不同意 so the vote is on record.
 * A panel opinion alone takes the form's opinion kind, else the step's (`stepKind`); an opinion of
 * its own kind (圈阅) stays beside the form's words.
 */
export function completionOpinions(
  panel: OpinionInput | null,
  form: { fields: readonly OpinionField[]; vote: VoteField | null },
  variables: Record<string, unknown> | undefined,
  stepKind: string,
): OpinionInput[] {
  const given = fieldOpinions(form.fields, variables ?? {});
  const formKind = form.fields[0]?.kind ?? form.vote?.kind;
  const kind = given[0]?.kind ?? opinionKind(formKind ?? stepKind);
  const separate = panel?.kind && panel.kind !== kind ? [panel] : [];
  const merging = separate.length ? null : panel;
  const voted = form.vote ? voteOf(variables?.[form.vote.key]) : undefined;
  const approve = merging?.approve ?? voted;
  const texts = [merging?.text.trim(), ...given.slice(0, 1).map((g) => g.text)].filter((t): t is string => !!t);
  const words = texts.filter((t, i) => !texts.some((other, j) => j !== i && other.includes(t) && (other !== t || j < i)));
  const text = words.length ? words.join('\n') : approve === undefined || !form.vote ? '' : VOTE_TEXT[approve ? 'agree' : 'disagree'];
  if (text.length > 2000) throw TaskErrors.opinionTooLong(form.fields[0]?.key ?? 'opinion');
  const main: OpinionInput[] = text ? [{ text, kind, ...(approve === undefined ? {} : { approve }) }] : [];
  return [...main, ...given.slice(1), ...separate];
}

/** A kind the contract knows, else 'note'. */
function opinionKind(kind: string): NonNullable<OpinionInput['kind']> {
  const kinds: readonly string[] = OPINION_KINDS;
  return (kinds.includes(kind) ? kind : 'note') as NonNullable<OpinionInput['kind']>;
}

/** Writes opinions (append only: there is no update or delete path) and reads them back. */
@Injectable()
export class Opinions {
  constructor(
    private readonly subjects: OpinionSubjects,
    private readonly access: InstanceAccess,
    private readonly approvals: ApprovalsRepository,
    private readonly users: UserRepository,
    private readonly instances: InstanceRepository,
  ) {}

  /**
   * Writes an opinion on the task's instance, whose row the caller has locked in this unit: the
   * opinion is chained onto the instance's last one (opinion-chain.ts) in memory, and the row and
   * the instance's new opinion head go out with the unit's next flush (the write batch).
   */
  async write(
    tx: Tx,
    instance: InstanceEntity,
    task: TaskEntity,
    author: string,
    input: OpinionInput,
    defaultKind: string,
  ): Promise<OpinionEntity> {
    const subject = await this.subjects.resolve(tx.manager, task.instanceId);
    const row = Object.assign(new OpinionEntity(), {
      id: newId(),
      instanceId: task.instanceId,
      taskId: task.id,
      elementId: task.elementId,
      author,
      // a deputy writes for the principal (代理); the delegate of a task (委派) writes as themself
      onBehalfOf: task.assignee === author && !task.owner ? task.onBehalfOf : null,
      kind: input.kind ?? defaultKind,
      text: storable(input.text),
      approve: input.approve ?? null,
      documentId: subject?.documentId ?? null,
      documentDigest: subject?.digest ?? null,
      createdAt: new Date(),
      seq: instance.opinionSeq + 1,
      hash: null as string | null,
    });
    row.hash = opinionHash(instance.opinionHash, row);
    instance.opinionSeq = row.seq ?? 0;
    instance.opinionHash = row.hash;
    this.approvals.insertOpinion(row, tx.writes);
    this.instances.updateOpinionHead(instance, tx.writes);
    await this.subjects.afterWrite(tx, row);
    return row;
  }

  async list(instanceId: string, user: SessionUser): Promise<OpinionList> {
    // opinions are content: the workflow admin's intervention view does not include them
    await this.access.readableInFull(user, instanceId);
    const rows = await this.approvals.opinionsOf(instanceId);
    const usernames = [...new Set(rows.flatMap((r) => (r.onBehalfOf ? [r.author, r.onBehalfOf] : [r.author])))];
    const names = new Map((await this.users.findByUsernames(usernames)).map((u) => [u.username, u.displayName]));
    return { items: rows.map((r) => toOpinion(r, names)) };
  }
}

function toOpinion(r: OpinionEntity, names: Map<string, string>): Opinion {
  const name = (u: string) => names.get(u) ?? u;
  return {
    id: r.id,
    instanceId: r.instanceId,
    taskId: r.taskId,
    elementId: r.elementId,
    author: r.author,
    onBehalfOf: r.onBehalfOf,
    // "B（代A）": the deputy B wrote it for the principal A
    authorLabel: r.onBehalfOf ? `${name(r.author)}（代${name(r.onBehalfOf)}）` : name(r.author),
    kind: r.kind,
    text: r.text,
    approve: r.approve === null || r.approve === undefined ? null : Boolean(r.approve),
    documentId: r.documentId,
    documentDigest: r.documentDigest,
    createdAt: r.createdAt.toISOString(),
  };
}
