import { Injectable } from '@nestjs/common';
import {
  API_KEY_ALL_TOPICS,
  API_KEY_DEFAULT_DAYS,
  API_KEY_MAX_DAYS,
  type ApiKey,
  type ApiKeyList,
  type CreateApiKey,
  type IssuedApiKey,
  type SessionUser,
} from '@liuzhuan/contracts';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3Hex } from '../../platform/crypto/sm3';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { newId } from '../../platform/ids/ids';
import { ApiKeyEntity, ApiKeyRepository } from '../jobs/jobs.api';
import { ExternalTaskErrors } from './external-tasks.errors';

const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per key: a busy worker costs no write per call */
const TOUCH_EVERY_MS = 60_000;
/** `lzk_<26-character id>_<43 characters: 256 random bits, base64url>` */
const KEY_FORMAT = /^lzk_([0-9a-z]{26})_([A-Za-z0-9_-]{43})$/;
/** keys issued before they carried their id: `lzk_<secret>` */
const LEGACY_KEY_FORMAT = /^lzk_[A-Za-z0-9_-]{20,100}$/;

/** The key a worker authenticated with, as the external-task calls check it. */
export interface WorkerKey {
  id: string;
  name: string;
  /** the topics it may fetch and lock; `['*']` for all */
  topics: string[];
}

const topicsOf = (row: ApiKeyEntity): string[] => JSON.parse(row.topics) as string[];

const toApiKey = (row: ApiKeyEntity): ApiKey => ({
  id: row.id,
  name: row.name,
  topics: topicsOf(row),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** One list of distinct topics, or `['*']` when it names `*`. */
function normalizeTopics(topics: string[]): string[] {
  return topics.includes(API_KEY_ALL_TOPICS) ? [API_KEY_ALL_TOPICS] : [...new Set(topics)];
}

function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function keyAllowsTopic(key: WorkerKey, topic: string): boolean {
  return key.topics.includes(API_KEY_ALL_TOPICS) || key.topics.includes(topic);
}

/**
 * Workers' API keys: issued by the system admin with the topics they may fetch and an expiry, shown
 * once and stored as an SM3 digest, revoked at once. Every worker call reads its key row (by
 * primary key, no cache), so a revocation or an expiry holds on every replica from the next call.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: ApiKeyRepository,
    private readonly trail: AuditTrail,
  ) {}

  async issue(input: CreateApiKey, user: SessionUser, audit: AuditContext): Promise<IssuedApiKey> {
    const event = { type: 'apikey.issue', targetType: 'apikey', details: { name: input.name, topics: input.topics } } as const;
    return this.trail.failureRecorded(audit, event, () => this.issueRecorded(input, user, audit));
  }

  private async issueRecorded(input: CreateApiKey, user: SessionUser, audit: AuditContext): Promise<IssuedApiKey> {
    const now = new Date();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + API_KEY_DEFAULT_DAYS * DAY_MS);
    if (expiresAt.getTime() <= now.getTime() || expiresAt.getTime() > now.getTime() + API_KEY_MAX_DAYS * DAY_MS) {
      throw ExternalTaskErrors.apiKeyExpiryInvalid(API_KEY_MAX_DAYS);
    }
    const id = newId(now.getTime());
    const key = `lzk_${id}_${randomBytes(32).toString('base64url')}`;
    const row = Object.assign(new ApiKeyEntity(), {
      id,
      name: input.name,
      keyHash: sm3Hex(key),
      topics: JSON.stringify(normalizeTopics(input.topics)),
      expiresAt,
      createdBy: user.username,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    });
    const issued = toApiKey(row);
    await this.tx.run(async (tx) => {
      await this.keys.insert(row, tx.manager);
      // never the key itself: its id, name, topics and expiry
      const details = { name: issued.name, topics: issued.topics, expiresAt: issued.expiresAt };
      this.trail.record(tx, audit, { type: 'apikey.issue', targetType: 'apikey', targetId: id, details });
    });
    return { ...issued, key };
  }

  async list(): Promise<ApiKeyList> {
    return { items: (await this.keys.list()).map(toApiKey) };
  }

  async revoke(id: string, audit: AuditContext): Promise<ApiKey> {
    const event = { type: 'apikey.revoke', targetType: 'apikey', targetId: id } as const;
    await this.trail.failureRecorded(audit, event, async () => {
      const row = await this.keys.findById(id);
      if (!row) throw ExternalTaskErrors.apiKeyNotFound(id);
      await this.tx.run(async (tx) => {
        await this.keys.revoke(id, new Date(), tx.manager);
        this.trail.record(tx, audit, { ...event, details: { name: row.name, alreadyRevokedAt: row.revokedAt?.toISOString() ?? null } });
      });
    });
    return toApiKey((await this.keys.findById(id)) as ApiKeyEntity);
  }

  /**
   * {@link authenticate}, with a refused key recorded (`apikey.refused`, alone: it changes
   * nothing): the actor is `apikey:<id>` when the header names a key id, else `anonymous`.
   */
  async authenticateRecorded(header: string | undefined, audit: AuditContext): Promise<WorkerKey> {
    try {
      return await this.authenticate(header);
    } catch (error) {
      if (error instanceof DomainError) await this.recordRefusal(header, audit, error.code, {});
      throw error;
    }
  }

  /** A refused use of a key (unknown, revoked, expired, a topic outside its list), with no part of the key but its id. */
  async recordRefusal(header: string | undefined, audit: AuditContext, errorCode: string, details: Record<string, unknown>): Promise<void> {
    const id = header ? (KEY_FORMAT.exec(header)?.[1] ?? null) : null;
    const format = !header ? 'missing' : id ? 'id' : LEGACY_KEY_FORMAT.test(header) ? 'legacy' : 'malformed';
    await this.trail.recordAlone(
      { ...audit, actor: id ? `apikey:${id}` : audit.actor, roles: [] },
      { type: 'apikey.refused', targetType: 'apikey', targetId: id, result: 'failure', errorCode, details: { format, ...details } },
    );
  }

  /** The key of an `X-Api-Key` header, or a 401: unknown, revoked or expired. */
  async authenticate(header: string | undefined): Promise<WorkerKey> {
    const row = await this.find(header);
    if (!row) throw ExternalTaskErrors.apiKeyInvalid();
    // only a caller who holds the secret learns that it was revoked or has expired
    const now = new Date();
    if (row.revokedAt) throw ExternalTaskErrors.apiKeyRevoked();
    if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) throw ExternalTaskErrors.apiKeyExpired();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      await this.tx.run((tx) => this.keys.touch(row.id, now, tx.manager));
    }
    return { id: row.id, name: row.name, topics: topicsOf(row) };
  }

  private async find(header: string | undefined): Promise<ApiKeyEntity | null> {
    if (!header) return null;
    const match = KEY_FORMAT.exec(header);
    if (match) {
      const row = await this.keys.findById(match[1]);
      return row && sameDigest(row.keyHash, sm3Hex(header)) ? row : null;
    }
    return LEGACY_KEY_FORMAT.test(header) ? this.keys.findByHash(sm3Hex(header)) : null;
  }
}
