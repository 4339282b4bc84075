import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Tells whoever keeps what it read of users (the session cache) that a user changed: disabled,
 * given other roles, moved. Called after the change committed. `null`: any user may have
 * changed (an organization renamed).
 */
@Injectable()
export class UserChanges {
  private readonly listeners: ((userId: string | null) => void)[] = [];

  subscribe(listener: (userId: string | null) => void): void {
    this.listeners.push(listener);
  }

  changed(userId: string | null): void {
    for (const listener of this.listeners) listener(userId);
  }

  private readonly enders: ((userId: string, at: Date, manager: EntityManager) => Promise<void>)[] = [];

  /** Who ends a user's sessions (the auth module), inside the unit of work that changes the user. */
  onSessionsEnd(ender: (userId: string, at: Date, manager: EntityManager) => Promise<void>): void {
    this.enders.push(ender);
  }

  /** Ends every open session of the user (disabled, roles changed), in the caller's transaction. */
  async endSessions(userId: string, at: Date, manager: EntityManager): Promise<void> {
    for (const ender of this.enders) await ender(userId, at, manager);
  }
}
