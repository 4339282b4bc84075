import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, executableProcesses, isDeployable } from '@liuzhuan/engine';
import { isReservedVariable } from '@liuzhuan/contracts';
import { findWorkflowsDir, readShippedWorkflows, SHIPPED_WORKFLOWS } from '../../src/modules/definitions/shipped-workflows';
import { DEMO_GROUPS, DEMO_USERS } from '../../src/modules/org/demo-city.data';
import { TestServer } from '../support/test-server';

const dir = findWorkflowsDir() as string;

describe('shipped workflows: the files', () => {
  it('should find all five workflow files from the source tree', () => {
    expect(dir).toBeTruthy();
    expect(readShippedWorkflows(dir).map((w) => w.key)).toEqual([...SHIPPED_WORKFLOWS]);
  });

  it.each(SHIPPED_WORKFLOWS)(
    'should compile %s without any diagnostic, as an executable process with the key of its folder',
    async (key) => {
      // given
      const xml = readFileSync(join(dir, key, `${key}.bpmn`), 'utf8');
      // when
      const result = await compile(xml);
      // then
      expect(result.diagnostics).toEqual([]);
      expect(isDeployable(result)).toBe(true);
      expect(executableProcesses(result).map((p) => p.id)).toEqual([key]);
    },
  );

  it.each(SHIPPED_WORKFLOWS)('should draw every element and flow of %s (BPMN DI) so the designer can open it', (key) => {
    // given
    const xml = readFileSync(join(dir, key, `${key}.bpmn`), 'utf8');
    const process = xml.slice(xml.indexOf('<process'), xml.indexOf('</process>'));
    const ids = [...process.matchAll(/<(\w+) id="([^"]+)"/g)].filter(([, tag]) => tag !== 'process').map(([, , id]) => id);
    // when
    const drawn = new Set([...xml.matchAll(/bpmnElement="([^"]+)"/g)].map(([, id]) => id));
    // then
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it.each(SHIPPED_WORKFLOWS)('should assign %s only to groups and users of the demo city or to process variables', (key) => {
    // given
    const xml = readFileSync(join(dir, key, `${key}.bpmn`), 'utf8');
    const groups = new Set(DEMO_GROUPS.map((g) => g.code));
    const users = new Set(DEMO_USERS.map((u) => u.username));
    // when
    const named = [...xml.matchAll(/oa:(candidateGroups|assignee|candidateUsers)="([^"]+)"/g)].map(([, attr, value]) => ({ attr, value }));
    // then
    expect(named.length).toBeGreaterThan(1);
    for (const { attr, value } of named) {
      // a variable (${x}) or a FEEL expression (=x) is filled in at run time
      if (value.startsWith('${') || value.startsWith('=')) continue;
      for (const v of value.split(',')) expect(attr === 'candidateGroups' ? groups.has(v.trim()) : users.has(v.trim())).toBe(true);
    }
  });

  it.each(SHIPPED_WORKFLOWS)(
    'should ship a form-js form for every form key of %s, asking for every variable its gateways decide on',
    (key) => {
      // given
      const xml = readFileSync(join(dir, key, `${key}.bpmn`), 'utf8');
      const formKeys = [...new Set([...xml.matchAll(/oa:formKey="([^"]+)"/g)].map(([, k]) => k))];
      // when
      const forms = formKeys.map((formKey) => ({ formKey, file: join(dir, key, `${formKey}.form`) }));
      // then
      expect(forms.filter((f) => !existsSync(f.file)).map((f) => f.formKey)).toEqual([]);
      const fields = new Set<string>();
      for (const { formKey, file } of forms) {
        const schema = JSON.parse(readFileSync(file, 'utf8'));
        expect(schema).toMatchObject({ type: 'default', id: formKey, schemaVersion: expect.any(Number) });
        expect(schema.components.length).toBeGreaterThan(0);
        const ids = schema.components.map((c: any) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of schema.components) if (c.key) fields.add(c.key);
      }
      const decided = [...xml.matchAll(/<conditionExpression[^>]*>=([^<]+)</g)].flatMap(([, e]) =>
        [...e.matchAll(/([A-Za-z_]\w*)\s*(?:=|!=|&gt;|&lt;)/g)].map(([, v]) => v),
      );
      expect(decided.length).toBeGreaterThan(0);
      // documents fill secretLevel and disclosure from the document itself when they start a process; the forms show them too
      // (a reserved variable, such as the server's signedVersionChanged, is decided by no form)
      expect(decided.filter((v) => !fields.has(v) && !isReservedVariable(v))).toEqual([]);
    },
  );
});

describe('shipped workflows: deployed at first start in demo mode', () => {
  let server: TestServer;
  afterAll(() => server?.stop());

  it('should deploy each shipped workflow once, and not again when the server starts a second time', async () => {
    // given: a demo server started on a fresh database
    server = await TestServer.start();
    const admin = await server.login('admin');
    const first = await server.call('GET', '/api/definitions?all=true', { token: admin });
    // when: the server restarts on the same database
    await server.stopApp();
    server = await TestServer.startOn(server.env);
    const again = await server.call('GET', '/api/definitions?all=true', { token: await server.login('admin') });
    // then
    const shipped = (items: any[]) =>
      items
        .filter((d) => (SHIPPED_WORKFLOWS as readonly string[]).includes(d.key))
        .map((d) => `${d.key}@${d.version}:${d.deployedBy}`)
        .sort();
    expect(shipped(first.body.items)).toEqual(SHIPPED_WORKFLOWS.map((k) => `${k}@1:system`).sort());
    expect(shipped(again.body.items)).toEqual(shipped(first.body.items));
  });
});
