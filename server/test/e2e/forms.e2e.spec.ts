import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SHIPPED_WORKFLOWS, ShippedWorkflows, findWorkflowsDir } from '../../src/modules/definitions/shipped-workflows';
import { TestServer } from '../support/test-server';

/** Task forms (form-js schemas keyed by oa:formKey) through the HTTP API, on both targets. */
describe('forms (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.login('admin');
    clerk = await server.login('clerk');
  });
  afterAll(() => server.stop());

  const schema = (label: string, extra: Record<string, unknown> = {}) => ({
    type: 'default',
    id: 'leave-apply',
    schemaVersion: 16,
    components: [{ type: 'textfield', key: 'reason', label }],
    ...extra,
  });
  const put = (key: string, body: unknown, token = admin) => server.call('PUT', `/api/forms/${key}`, { token, body });
  const get = (key: string, token = clerk) => server.call('GET', `/api/forms/${key}`, { token });
  /** every row of the form table (the versions kept), to show that a refused save wrote nothing */
  const rows = async () =>
    (await server.app.get(DataSource).query('SELECT form_key, version, schema_json FROM form ORDER BY form_key, version')) as {
      form_key: string;
      version: number;
      schema_json: string;
    }[];

  it('should deploy every shipped form at first start as version 1 under the oa:formKey the workflows name', async () => {
    const dir = findWorkflowsDir()!;
    const formKeys = SHIPPED_WORKFLOWS.flatMap((name) =>
      [...readFileSync(join(dir, name, `${name}.bpmn`), 'utf8').matchAll(/oa:formKey="([^"]+)"/g)].map(([, k]) => k),
    );
    expect(formKeys.length).toBeGreaterThan(10);
    for (const key of new Set(formKeys)) {
      const r = await get(key);
      expect([key, r.status]).toEqual([key, 200]);
      expect(r.body).toMatchObject({
        key,
        version: 1,
        updatedBy: 'system',
        schema: { type: 'default', id: key, components: expect.any(Array) },
      });
      expect(new Date(r.body.updatedAt).getTime()).not.toBeNaN();
    }
    // every .form file is one, and the list names them all at version 1
    const files = SHIPPED_WORKFLOWS.flatMap((name) =>
      readdirSync(join(dir, name))
        .filter((f) => f.endsWith('.form'))
        .map((f) => f.slice(0, -5)),
    );
    const list = await server.call('GET', '/api/forms', { token: clerk });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.key).sort()).toEqual([...files].sort());
    expect(list.body.items.every((i: any) => i.version === 1 && i.updatedBy === 'system' && !('schema' in i))).toBe(true);
  });

  it('should deploy the shipped forms only once (a second start changes nothing, a saved version stays)', async () => {
    expect((await put('request-apply', { schema: schema('申请事由（修订）') })).status).toBe(200);
    const before = await rows();
    expect(await server.app.get(ShippedWorkflows).deployMissingForms()).toEqual([]);
    expect(await rows()).toEqual(before);
    expect((await get('request-apply')).body).toMatchObject({ version: 2, updatedBy: 'admin' });
  });

  it('should save each PUT as the next version, keep the old ones, and serve the latest', async () => {
    const first = await put('leave-apply', { schema: schema('请假事由') });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ key: 'leave-apply', version: 1, updatedBy: 'admin', schema: schema('请假事由') });
    const second = await put('leave-apply', { schema: schema('请假事由及天数') });
    expect(second.body).toMatchObject({ key: 'leave-apply', version: 2, schema: { components: [{ label: '请假事由及天数' }] } });

    const r = await get('leave-apply');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      key: 'leave-apply',
      version: 2,
      schema: schema('请假事由及天数'),
      updatedAt: second.body.updatedAt,
      updatedBy: 'admin',
    });
    const kept = (await rows()).filter((x) => x.form_key === 'leave-apply');
    expect(kept.map((x) => [Number(x.version), JSON.parse(x.schema_json).components[0].label])).toEqual([
      [1, '请假事由'],
      [2, '请假事由及天数'],
    ]);
    const list = await server.call('GET', '/api/forms', { token: admin });
    expect(list.body.items.find((i: any) => i.key === 'leave-apply')).toEqual({
      key: 'leave-apply',
      version: 2,
      updatedAt: second.body.updatedAt,
      updatedBy: 'admin',
    });
  });

  it('should keep keys case-sensitive and give concurrent saves distinct versions', async () => {
    expect((await put('Case.Key', { schema: schema('大写') })).body.version).toBe(1);
    expect((await put('case.key', { schema: schema('小写') })).body.version).toBe(1);
    expect((await get('Case.Key')).body.schema.components[0].label).toBe('大写');
    const saves = await Promise.all(Array.from({ length: 5 }, (_, i) => put('race:form', { schema: schema(`第${i}版`) })));
    expect(saves.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect(saves.map((s) => s.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('should let only workflow admins save, anyone signed in read, and nobody anonymous', async () => {
    const before = await rows();
    const r = await put('leave-apply', { schema: schema('越权修改') }, clerk);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN_ROLE');
    expect((await put('clerk-form', { schema: schema('x') }, await server.login('fgw_head'))).status).toBe(403);
    expect((await server.call('PUT', '/api/forms/leave-apply', { body: { schema: schema('匿名') } })).status).toBe(401);
    expect((await server.call('GET', '/api/forms/leave-apply')).status).toBe(401);
    expect((await server.call('GET', '/api/forms')).status).toBe(401);
    expect(await rows()).toEqual(before);
  });

  it('should answer 404 FORM_NOT_FOUND for a key without a form', async () => {
    const r = await get('no-such-form');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('FORM_NOT_FOUND');
  });

  it.each([
    ['a leading dash', '-abc'],
    ['a space', 'a%20b'],
    ['a path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['a NUL byte', 'ab%00c'],
    ['SQL metacharacters', "x'%20OR%20'1'%3D'1"],
    ['Chinese', encodeURIComponent('表单')],
  ])('should refuse a key with %s (400 VALIDATION_FAILED) on GET and PUT', async (_what, key) => {
    const before = await rows();
    const g = await get(key);
    expect([g.status, g.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const p = await put(key, { schema: schema('x') });
    expect([p.status, p.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await rows()).toEqual(before);
  });

  const nested = (levels: number) => {
    let value: unknown = { type: 'text', text: '最里层' };
    for (let i = 0; i < levels; i++) value = { type: 'group', components: [value] };
    return { type: 'default', components: [value] };
  };

  it.each<[string, unknown, number, string]>([
    ['no schema', {}, 400, 'VALIDATION_FAILED'],
    ['an unknown field next to the schema', { schema: schema('x'), version: 99 }, 400, 'VALIDATION_FAILED'],
    ['a string schema', { schema: 'type: default' }, 400, 'FORM_SCHEMA_INVALID'],
    ['an array schema', { schema: [schema('x')] }, 400, 'FORM_SCHEMA_INVALID'],
    ['a null schema', { schema: null }, 400, 'FORM_SCHEMA_INVALID'],
    ['another type', { schema: { type: 'wizard', components: [] } }, 400, 'FORM_SCHEMA_INVALID'],
    ['no components', { schema: { type: 'default' } }, 400, 'FORM_SCHEMA_INVALID'],
    ['components that are not an array', { schema: { type: 'default', components: { a: 1 } } }, 400, 'FORM_SCHEMA_INVALID'],
    ['a component that is not an object', { schema: { type: 'default', components: [1, 'x'] } }, 400, 'FORM_SCHEMA_INVALID'],
    [
      'a prototype key deep inside',
      { schema: { type: 'default', components: [{ type: 'select', values: [{ prototype: { polluted: true } }] }] } },
      400,
      'FORM_SCHEMA_INVALID',
    ],
    ['nesting 40 groups deep', { schema: nested(40) }, 400, 'FORM_SCHEMA_INVALID'],
    ['a schema over 256 kB', { schema: schema('x', { description: '长'.repeat(100_000) }) }, 413, 'FORM_SCHEMA_TOO_LARGE'],
  ])('should refuse %s with a code and write nothing', async (_what, body, status, code) => {
    const before = await rows();
    const r = await put('leave-apply', body);
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(await rows()).toEqual(before);
    expect((await get('hostile-new-key')).status).toBe(404);
  });

  it.each([
    ['__proto__', '{"schema":{"type":"default","components":[],"__proto__":{"polluted":true}}}', 400],
    ['constructor.prototype', '{"schema":{"type":"default","components":[{"constructor":{"prototype":{"polluted":true}}}]}}', 400],
    ['a body over 1 MB', JSON.stringify({ schema: schema('x', { description: 'x'.repeat(1_100_000) }) }), 413],
    ['broken JSON', '{"schema":{"type":"default",', 400],
    [
      'nesting 5000 levels deep',
      `{"schema":{"type":"default","components":[${'{"type":"group","components":['.repeat(5000)}${']}'.repeat(5000)}]}}`,
      400,
    ],
  ])('should refuse raw JSON with %s and write nothing', async (_what, raw, status) => {
    const before = await rows();
    const r = await server.call('PUT', '/api/forms/hostile-new-key', { token: admin, raw });
    expect(r.status).toBe(status);
    expect(typeof r.body.code).toBe('string');
    expect(({} as any).polluted).toBeUndefined();
    expect(await rows()).toEqual(before);
  });

  it('should accept a form right under the limits (keys of 200 characters, 256 kB, 32 levels)', async () => {
    const key = `k${'x'.repeat(199)}`;
    const big = schema('x', { description: 'x'.repeat(200_000) });
    expect((await put(key, { schema: big })).status).toBe(200);
    expect((await get(key)).body.schema).toEqual(big);
    expect((await put('deep-form', { schema: nested(14) })).status).toBe(200);
  });
});
