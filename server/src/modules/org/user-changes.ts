import { Injectable } from '@nestjs/common';

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
}
