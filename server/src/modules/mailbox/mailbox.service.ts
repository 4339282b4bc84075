import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateLetter,
  type Letter,
  LETTER_INITIAL_WORKDAYS,
  LETTER_MAX_WORKDAYS,
  type LetterList,
  type LetterQuery,
  type LetterReceipt,
  type LetterStatus,
  type PublicLetter,
  type ReplyLetter,
  type RequestExtension,
  type SessionUser,
} from '@liuzhuan/contracts';
import { activeElementIds, processVariables, readState } from '@liuzhuan/engine';
import { KeyStore } from '../../platform/crypto/key-store';
import { sm3Hex } from '../../platform/crypto/sm3';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { MailboxErrors } from './mailbox.errors';
import { newId } from '../../platform/ids/ids';
import { WORKDAY_CALENDAR, type WorkdayCalendar } from '../calendar/calendar.api';
import { DefinitionRepository } from '../definitions/definitions.api';
import {
  CommandExecutor,
  InstanceAccess,
  type InstanceEntity,
  InstanceRepository,
  type TaskEntity,
  TaskRepository,
} from '../runtime/runtime.api';
import { LetterEntity, LetterExtensionEntity } from './letter.entity';
import { LetterRepository } from './letter.repository';
import { maskPersonalData } from '../../platform/privacy/personal-data-mask';
import { CaptchaService } from './captcha.service';
import { maskedLetterContact, openLetterContact, sealLetterContact } from './letter-personal-data';

/** The shipped process every letter runs (workflows/leader-mailbox). */
export const LETTER_PROCESS_KEY = 'leader-mailbox';
/** Public intake: at most this many letters per IP address in the window. */
export const LETTERS_PER_IP = 5;
export const LETTER_WINDOW_MS = 10 * 60 * 1000;
/** How many of the newest letters the list looks at (an office's inbox, not an archive search). */
const LETTER_LIST_SCAN = 2000;

const STEP_STATUS: [string, LetterStatus][] = [
  ['review', 'received'],
  ['handle', 'handling'],
  ['audit', 'auditing'],
  ['publish', 'publishing'],
];

const digestOf = (kind: string, value: string) => sm3Hex(`${kind}:${value}`);

/** 领导信箱: the public writes without signing in; the office and a department handle it in the process. */
@Injectable()
export class MailboxService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly letters: LetterRepository,
    private readonly definitions: DefinitionRepository,
    private readonly executor: CommandExecutor,
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly access: InstanceAccess,
    @Inject(WORKDAY_CALENDAR) private readonly calendar: WorkdayCalendar,
    private readonly keys: KeyStore,
    private readonly captcha: CaptchaService,
  ) {}

  /**
   * Stores the letter and starts its process in one transaction; the query code is returned once.
   * The captcha is checked (and used up) first; the per-address limit is counted inside the
   * transaction under the address's intake lock, so parallel letters cannot pass it together.
   */
  async submit(input: CreateLetter, ip: string): Promise<LetterReceipt> {
    await this.captcha.check(input.captchaId, input.captchaAnswer);
    const ipDigest = digestOf('letter-ip', ip);
    const definition = await this.definitions.findByKey(LETTER_PROCESS_KEY, undefined);
    if (!definition) throw MailboxErrors.processNotDeployed(LETTER_PROCESS_KEY);
    // 120 random bits: the code is the only key to the letter's status, so it must not be guessable
    const queryCode = randomBytes(15).toString('base64url');
    const contact = sealLetterContact(this.keys, input.phone, input.idNumber ?? null);
    let now = new Date();
    await this.tx.run(async (tx) => {
      now = new Date();
      // counted in the database, so the limit holds across API processes and restarts
      await this.letters.lockIntake(ipDigest, now, tx);
      if ((await this.letters.countFromSince(ipDigest, new Date(now.getTime() - LETTER_WINDOW_MS), tx.manager)) >= LETTERS_PER_IP) {
        throw MailboxErrors.rateLimited(LETTERS_PER_IP, LETTER_WINDOW_MS / 60000);
      }
      const id = newId();
      const instance = await this.executor.startIn(
        tx,
        {
          definition,
          command: { type: 'start', variables: { letterId: id, letterSubject: input.subject }, businessKey: id },
          initiator: null,
          initiatorOrgId: null,
          businessKey: id,
        },
        { actor: null },
      );
      const letter = Object.assign(new LetterEntity(), {
        id,
        queryCodeDigest: digestOf('letter-code', queryCode),
        instanceId: instance.id,
        category: input.category,
        subject: input.subject,
        content: input.content,
        writerName: input.name,
        ...contact,
        address: input.address ?? null,
        email: input.email ?? null,
        ipDigest,
        timeLimitWorkdays: LETTER_INITIAL_WORKDAYS,
        reply: null,
        repliedBy: null,
        repliedAt: null,
        publishedReply: null,
        publishedAt: null,
        createdAt: now,
      });
      await this.letters.insert(letter, tx.manager);
    });
    return { queryCode, submittedAt: now.toISOString() };
  }

  /** The status and the published reply only; an unknown code and a wrong one look the same. */
  async publicView(code: string): Promise<PublicLetter> {
    const letter = code.length <= 64 ? await this.letters.findByCodeDigest(digestOf('letter-code', code)) : null;
    if (!letter) throw MailboxErrors.codeNotFound();
    const instance = await this.instances.findById(letter.instanceId);
    return {
      status: statusOf(letter, instance),
      submittedAt: letter.createdAt.toISOString(),
      reply: letter.publishedReply,
      publishedAt: letter.publishedAt?.toISOString() ?? null,
    };
  }

  /**
   * The letters the caller may read: those whose process they have a part in (InstanceAccess:
   * a group sees a letter while its step is open and unclaimed, then only who acted in it). A
   * workflow admin with no part sees none: letters hold citizens' personal data, and the admin's
   * intervention view is the instance's metadata. The list is never wider.
   */
  async list(query: LetterQuery, user: SessionUser): Promise<LetterList> {
    let rows = await this.letters.newestFirst(LETTER_LIST_SCAN);
    const instances = new Map((await this.letters.instancesOf(rows.map((r) => r.instanceId))).map((i) => [i.id, i]));
    const readable = await Promise.all(
      rows.map(
        async (r) => instances.has(r.instanceId) && (await this.access.canRead(user, instances.get(r.instanceId) as InstanceEntity)),
      ),
    );
    rows = rows.filter((_, i) => readable[i]);
    const page = rows.slice(query.offset, query.offset + query.limit);
    const handling = await this.letters.assignedOpen(
      page.map((r) => r.instanceId),
      user.username,
    );
    return { items: await Promise.all(page.map((r) => this.view(r, handling.has(r.instanceId)))), total: rows.length };
  }

  async get(id: string, user: SessionUser): Promise<Letter> {
    const letter = await this.readable(id, user);
    return this.view(letter, (await this.letters.assignedOpen([letter.instanceId], user.username)).has(letter.instanceId));
  }

  /** 延期: the handler of 承办答复 asks for more working days; 15 in all at most (422 beyond). */
  requestExtension(id: string, input: RequestExtension, user: SessionUser): Promise<Letter> {
    return this.tx.run(async (tx) => {
      const { letter, instance, task } = await this.atStep(tx, id, 'handle', user);
      const total = letter.timeLimitWorkdays + input.workdays;
      if (total > LETTER_MAX_WORKDAYS) {
        throw MailboxErrors.extensionLimit(letter.timeLimitWorkdays, input.workdays);
      }
      const dueAt = new Date(this.calendar.addWorkdays(task.createdAt.toISOString(), total).dueAt);
      const now = new Date();
      await this.letters.setTaskDue(task.id, dueAt, tx.manager);
      await this.letters.addExtension(
        Object.assign(new LetterExtensionEntity(), {
          id: newId(),
          letterId: id,
          workdays: input.workdays,
          reason: input.reason,
          requestedBy: user.username,
          dueAt,
          createdAt: now,
        }),
        tx.manager,
      );
      await this.letters.update(id, { timeLimitWorkdays: total }, tx.manager);
      const handling = (await this.letters.assignedOpen([letter.instanceId], user.username, tx.manager)).has(letter.instanceId);
      await this.executor.appendHistory(
        tx,
        instance,
        [
          {
            type: 'letter.extended',
            elementId: task.elementId,
            details: { workdays: input.workdays, reason: input.reason, timeLimitWorkdays: total, dueAt: dueAt.toISOString() },
          },
        ],
        user.username,
      );
      return this.view({ ...letter, timeLimitWorkdays: total }, handling, tx);
    });
  }

  /** 答复: the handler writes the reply; it goes to 审核. */
  reply(id: string, input: ReplyLetter, user: SessionUser): Promise<Letter> {
    return this.tx.run(async (tx) => {
      const { letter, task } = await this.atStep(tx, id, 'handle', user);
      const now = new Date();
      await this.executor.executeIn(
        tx,
        letter.instanceId,
        { type: 'completeTask', elementInstanceId: task.id, variables: { replied: true } },
        { actor: user.username, taskNote: { taskId: task.id, details: { opinion: input.text } } },
      );
      const patch = { reply: input.text, repliedBy: user.username, repliedAt: now };
      await this.letters.update(id, patch, tx.manager);
      return this.view({ ...letter, ...patch }, await this.handles(letter, user, tx), tx);
    });
  }

  /** 公开答复: the approved reply is published with the writer's personal data masked. */
  publish(id: string, user: SessionUser): Promise<Letter> {
    return this.tx.run(async (tx) => {
      const { letter, task } = await this.atStep(tx, id, 'publish', user);
      if (!letter.reply) throw MailboxErrors.noReply(id);
      const now = new Date();
      const contact = openLetterContact(this.keys, letter);
      const publishedReply = maskPersonalData(letter.reply, {
        name: letter.writerName,
        phone: contact.phone,
        idNumber: contact.idNumber,
        address: letter.address,
      });
      await this.executor.executeIn(
        tx,
        letter.instanceId,
        { type: 'completeTask', elementInstanceId: task.id, variables: { published: true } },
        { actor: user.username, taskNote: { taskId: task.id, details: { published: true } } },
      );
      const patch = { publishedReply, publishedAt: now };
      await this.letters.update(id, patch, tx.manager);
      return this.view({ ...letter, ...patch }, await this.handles(letter, user, tx), tx);
    });
  }

  private async readable(id: string, user: SessionUser): Promise<LetterEntity> {
    const letter = await this.letters.findById(id);
    const instance = letter ? await this.instances.findById(letter.instanceId) : null;
    if (!letter || !instance || !(await this.access.canRead(user, instance))) throw MailboxErrors.notFound(id);
    return letter;
  }

  /**
   * Locks the letter's instance and finds its open task at `elementId`. The caller must be that
   * task's assignee, or one of its candidate groups' members while nobody claimed it, or an admin.
   */
  private async atStep(
    tx: Tx,
    id: string,
    elementId: string,
    user: SessionUser,
  ): Promise<{ letter: LetterEntity; instance: InstanceEntity; task: TaskEntity }> {
    const found = await this.letters.findById(id, tx.manager);
    if (!found) throw MailboxErrors.notFound(id);
    const instance = await this.instances.lock(found.instanceId, tx);
    const letter = (await this.letters.findById(id, tx.manager)) as LetterEntity;
    const task = (await this.letters.tasksAt(letter.instanceId, elementId, tx.manager)).find((t) => t.status === 'open');
    if (!task) {
      if (!(await this.access.canRead(user, instance, tx.manager))) throw MailboxErrors.notFound(id);
      throw MailboxErrors.notInStep(id, elementId);
    }
    // a workflow admin intervenes through the task (reassign), never at the letter: it holds personal data
    if (task.assignee === user.username) return { letter, instance, task };
    if (!task.assignee) {
      const groups = ((await this.tasks.candidatesOf([task.id], tx.manager)).get(task.id) ?? [])
        .filter((c) => c.kind === 'group')
        .map((c) => c.value);
      if ((await this.access.groupsOf(user, tx.manager)).some((g) => groups.includes(g))) return { letter, instance, task };
    }
    if (!(await this.access.canRead(user, instance, tx.manager))) throw MailboxErrors.notFound(id);
    throw MailboxErrors.notYours(id, elementId);
  }

  /** Whether the user, after the command, holds an open task of the letter (and so needs its personal data). */
  private async handles(letter: LetterEntity, user: SessionUser, tx: Tx): Promise<boolean> {
    await tx.writes.flush();
    return (await this.letters.assignedOpen([letter.instanceId], user.username, tx.manager)).has(letter.instanceId);
  }

  /**
   * The letter as staff see it. The phone and 身份证 number are in clear only for `handling`: the
   * assignee of one of its open tasks (who calls the writer back); everyone else, the workflow
   * admin included, sees them masked.
   */
  private async view(letter: LetterEntity, handling: boolean, tx?: Tx): Promise<Letter> {
    const clear = openLetterContact(this.keys, letter);
    const contact = handling ? clear : maskedLetterContact(clear);
    const m = tx?.manager;
    // inside a command the instance is locked already: read it on the same connection
    const instance = tx ? await this.instances.lock(letter.instanceId, tx) : await this.instances.findById(letter.instanceId);
    const variables = instance ? processVariables(readState(instance.state)) : null;
    const [handle] = await this.letters.tasksAt(letter.instanceId, 'handle', m);
    const extensions = await this.letters.extensionsOf(letter.id, m);
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      id: letter.id,
      instanceId: letter.instanceId,
      status: statusOf(letter, instance),
      category: letter.category,
      subject: letter.subject,
      content: letter.content,
      name: letter.writerName,
      phone: contact.phone,
      idNumber: contact.idNumber,
      address: letter.address,
      email: letter.email,
      department: str(variables?.['department']),
      handler: str(variables?.['handler']),
      timeLimitWorkdays: letter.timeLimitWorkdays,
      dueAt: handle?.dueAt?.toISOString() ?? null,
      extensions: extensions.map((e) => ({
        workdays: e.workdays,
        reason: e.reason,
        requestedBy: e.requestedBy,
        dueAt: e.dueAt.toISOString(),
        createdAt: e.createdAt.toISOString(),
      })),
      reply: letter.reply,
      repliedBy: letter.repliedBy,
      repliedAt: letter.repliedAt?.toISOString() ?? null,
      publishedReply: letter.publishedReply,
      publishedAt: letter.publishedAt?.toISOString() ?? null,
      submittedAt: letter.createdAt.toISOString(),
    };
  }
}

/** Where the letter is, from its process: the open step, or how it ended. */
export function statusOf(letter: LetterEntity, instance: InstanceEntity | null): LetterStatus {
  if (letter.publishedAt) return 'published';
  if (!instance) return 'received';
  const state = readState(instance.state);
  if (instance.status !== 'active') return processVariables(state)['accepted'] === false ? 'not-accepted' : 'closed';
  const active = new Set(activeElementIds(state));
  return STEP_STATUS.find(([element]) => active.has(element))?.[1] ?? 'received';
}
