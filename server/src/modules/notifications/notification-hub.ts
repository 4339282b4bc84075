import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { newId } from '../../platform/ids/ids';
import type { NotificationEntity } from './notification.entity';
import { NotificationRepository, POLL_BATCH } from './notification.repository';

/**
 * Timing of the stream. `pollMs`: how soon a row written by another process reaches a stream
 * here; `lagMs`: how long a transaction may take between taking its id and committing and still
 * be delivered (ids are taken before commit, so a poll looks back this far and skips what it
 * already sent); `heartbeatMs`: idle time after which the stream sends a heartbeat so proxies
 * keep the connection. Tests shorten them; configuration goes through platform/config, not here.
 */
export const NOTIFICATION_STREAM_SETTINGS = {
  pollMs: 1000,
  lagMs: 10_000,
  heartbeatMs: 15_000,
};

/** How far back `Last-Event-ID` can reach. */
const RESUME_LIMIT_MS = 24 * 60 * 60 * 1000;

/** The smallest id of a given millisecond: every id taken at or after it sorts after it. */
export function idFloorAt(ms: number): string {
  return newId(ms).slice(0, 10) + '0'.repeat(16);
}

interface Subscriber {
  username: string;
  /** only rows with a greater id are delivered */
  floor: string;
  /** ids delivered above the floor (the look-back would otherwise repeat them) */
  delivered: Set<string>;
  /** caught up once: until then a resumed stream's floor stays where the client left off */
  caughtUp: boolean;
  subject: Subject<NotificationEntity>;
}

/**
 * Delivers committed notifications to the streams connected to this process. It polls the table
 * (one query for every connected user) so that several API processes behind a load balancer each
 * see every row whichever process wrote it; a sender in this process nudges it after commit for
 * low latency. The table is the truth: nothing is pushed before its transaction has committed.
 */
@Injectable()
export class NotificationHub implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationHub');
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly repository: NotificationRepository) {}

  /** New notifications of one user from now on, or after `lastEventId` when a client resumes. */
  subscribe(username: string, lastEventId: string | null): Observable<NotificationEntity> {
    return new Observable<NotificationEntity>((observer) => {
      if (this.closed) {
        observer.complete();
        return;
      }
      // a client away for more than a day reloads its list instead of replaying everything
      const oldest = idFloorAt(Date.now() - RESUME_LIMIT_MS);
      const floor = lastEventId ? (lastEventId > oldest ? lastEventId : oldest) : idFloorAt(Date.now());
      const subscriber: Subscriber = { username, floor, delivered: new Set(), caughtUp: false, subject: new Subject() };
      const inner = subscriber.subject.subscribe(observer);
      this.subscribers.add(subscriber);
      this.start();
      if (lastEventId) this.nudge();
      return () => {
        inner.unsubscribe();
        this.subscribers.delete(subscriber);
        if (!this.subscribers.size) this.stop();
      };
    });
  }

  /** Something was committed in this process: look now instead of at the next tick. */
  nudge(): void {
    if (!this.subscribers.size || this.closed) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.pollLoop().finally(() => (this.polling = null));
  }

  get connections(): number {
    return this.subscribers.size;
  }

  /** Streams end with the application, so a shutdown never waits on an open connection. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.stop();
    for (const s of [...this.subscribers]) s.subject.complete();
    this.subscribers.clear();
    await this.polling;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.nudge(), NOTIFICATION_STREAM_SETTINGS.pollMs);
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async pollLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        this.again = (await this.pollOnce()) || this.again;
      } catch (error) {
        // a failed poll (database restarting) is retried at the next tick; the rows stay
        this.logger.warn(`notification poll failed: ${String(error)}`);
        return;
      }
    } while (this.again && this.subscribers.size && !this.closed);
  }

  /** One query for every connected user; returns whether the batch was full (more to fetch). */
  private async pollOnce(): Promise<boolean> {
    const lookBack = idFloorAt(Date.now() - NOTIFICATION_STREAM_SETTINGS.lagMs);
    const subscribers = [...this.subscribers];
    if (!subscribers.length) return false;
    for (const s of subscribers) {
      if (s.caughtUp && s.floor < lookBack) s.floor = lookBack;
      for (const id of s.delivered) if (id <= s.floor) s.delivered.delete(id);
    }
    const after = subscribers.reduce((min, s) => (s.floor < min ? s.floor : min), subscribers[0].floor);
    const rows = await this.repository.since([...new Set(subscribers.map((s) => s.username))], after);
    for (const row of rows) {
      for (const s of subscribers) {
        if (s.username !== row.recipient || row.id <= s.floor || s.delivered.has(row.id) || !this.subscribers.has(s)) continue;
        s.delivered.add(row.id);
        s.subject.next(row);
      }
    }
    if (rows.length < POLL_BATCH) {
      for (const s of subscribers) s.caughtUp = true;
      return false;
    }
    // a full batch: move the floors past it so the next query fetches the rest
    const last = rows[rows.length - 1].id;
    for (const s of subscribers) if (s.floor < last) s.floor = last;
    return true;
  }
}
