import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile } from '../../src';

// A small deterministic PRNG so failures reproduce.
function prng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const fixtures = ['approval.bpmn', 'error-escalation.bpmn', 'events.bpmn', 'countersign.bpmn'].map((f) =>
  readFileSync(resolve(__dirname, '../scenarios', f), 'utf8'),
);

describe('compile on damaged input', () => {
  it('should never throw and always return diagnostics with codes when the XML is truncated or mutated', async () => {
    // given
    const random = prng(42);
    const pieces = ['<', '>', '"', '/>', '</process>', '<userTask id="x">', 'id="start"', '&amp;', '\u0000', '${', '=x.'];
    for (const xml of fixtures) {
      for (let i = 0; i < 40; i++) {
        const at = Math.floor(random() * xml.length);
        const damaged =
          i % 2 === 0
            ? xml.slice(0, at)
            : xml.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + xml.slice(at + Math.floor(random() * 20));
        // when
        const result = await compile(damaged);
        // then
        for (const d of result.diagnostics) {
          expect(d.code).toMatch(/^BPMN_[A-Z_]+$/);
          expect(typeof d.message).toBe('string');
        }
        expect(Array.isArray(result.processes)).toBe(true);
        expect(result.diagnostics.filter((d) => d.message.includes('could not be compiled'))).toEqual([]);
      }
    }
  });
});
