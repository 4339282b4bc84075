import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../../src';

const scenarios = resolve(__dirname, '../scenarios');

describe('compiled model', () => {
  it.each(readdirSync(scenarios).filter((f) => f.endsWith('.bpmn')))(
    'should survive a JSON round trip unchanged when compiled from %s',
    async (file) => {
      // given
      const result = await compile(readFileSync(resolve(scenarios, file), 'utf8'));
      // when
      const copy = JSON.parse(JSON.stringify(result.processes));
      // then
      expect(copy).toEqual(result.processes);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );
});
