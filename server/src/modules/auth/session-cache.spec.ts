import { SessionCache } from './session-cache';
import type { SessionWithUser } from './session.repository';

const found = (sessionId: string, userId: string) =>
  ({ session: { id: sessionId, userId }, user: { id: userId } }) as unknown as SessionWithUser;

describe('SessionCache', () => {
  it('answers for a token until its time is up, then forgets it', () => {
    const cache = new SessionCache(2_000);
    cache.set('t1', found('s1', 'u1'), 1_000);
    expect(cache.get('t1', 2_999)?.session.id).toBe('s1');
    expect(cache.get('t1', 3_000)).toBeUndefined();
    expect(cache.get('t1', 1_000)).toBeUndefined();
  });

  it('drops the entries of a session, of a user, or all of them', () => {
    const cache = new SessionCache(2_000);
    cache.set('t1', found('s1', 'u1'), 0);
    cache.set('t2', found('s2', 'u1'), 0);
    cache.set('t3', found('s3', 'u2'), 0);
    cache.forgetSession('s1');
    expect([cache.get('t1', 1), cache.get('t2', 1)?.session.id]).toEqual([undefined, 's2']);
    cache.forgetUser('u1');
    expect([cache.get('t2', 1), cache.get('t3', 1)?.session.id]).toEqual([undefined, 's3']);
    cache.clear();
    expect(cache.get('t3', 1)).toBeUndefined();
  });
});
