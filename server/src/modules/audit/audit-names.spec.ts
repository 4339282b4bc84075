import type { DataSource } from 'typeorm';
import { AuditNames } from './audit-names';

/** A data source whose every statement fails, as a database that went away would. */
function failingDataSource(): DataSource {
  const runner = { query: () => Promise.reject(new Error('gone')), release: () => Promise.resolve() };
  return { manager: { connection: { createQueryRunner: () => runner } } } as unknown as DataSource;
}

describe('AuditNames', () => {
  it('should name everything by its id, and the system as 系统, when a look-up fails', async () => {
    // given
    const names = new AuditNames(failingDataSource());
    // when
    const named = await names.of([
      { actor: 'mayor', targetType: 'user', targetId: '01USER' },
      { actor: 'system', targetType: 'definition', targetId: '01DEF' },
      { actor: 'apikey:01KEY', targetType: 'apikey', targetId: '01KEY' },
      { actor: 'anonymous', targetType: 'route', targetId: 'GET /api/users' },
      { actor: 'clerk', targetType: null, targetId: null },
    ]);
    // then
    expect(named).toEqual([
      { actorName: 'mayor', targetName: '01USER' },
      { actorName: '系统', targetName: '01DEF' },
      { actorName: 'apikey:01KEY', targetName: '01KEY' },
      { actorName: '匿名', targetName: 'GET /api/users' },
      { actorName: 'clerk', targetName: null },
    ]);
  });
});
