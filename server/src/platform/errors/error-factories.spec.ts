import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/**
 * Each module builds its rejections only through the factories of its own `*.errors.ts`
 * (STYLE.md, "Errors"), so that a module's codes and messages are read in one file. The
 * platform's errors folder defines DomainError itself and may construct it.
 */
const CONSTRUCTION = /\bnew\s+DomainError\s*\(/;

function inlineConstructions(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.errors.ts')) {
        const file = relative(root, path).split(sep).join('/');
        if (file.startsWith('platform/errors/')) continue;
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => CONSTRUCTION.test(line) && found.push(`${file}:${i + 1}`));
      }
    }
  };
  visit(root);
  return found;
}

describe('domain error factories', () => {
  it('should find no DomainError constructed outside a *.errors.ts file or platform/errors', () => {
    // given the server's sources
    const root = join(__dirname, '..', '..');
    // when they are searched for inline constructions
    const inline = inlineConstructions(root);
    // then there are none: add a factory to the module's *.errors.ts instead
    expect(inline).toEqual([]);
  });

  it('should report an inline construction when a service holds one', () => {
    // given a tree with one module whose service throws an inline DomainError and whose errors file does too
    const root = mkdtempSync(join(tmpdir(), 'lz-errors-'));
    try {
      mkdirSync(join(root, 'modules', 'things'), { recursive: true });
      mkdirSync(join(root, 'platform', 'errors'), { recursive: true });
      writeFileSync(join(root, 'modules', 'things', 'things.errors.ts'), "export const E = () => new DomainError('NOT_FOUND', 'x');\n");
      writeFileSync(join(root, 'modules', 'things', 'things.service.ts'), "\nthrow new DomainError('NOT_FOUND', 'x');\n");
      writeFileSync(join(root, 'platform', 'errors', 'domain-error.ts'), "super(new DomainError('X', 'y'));\n");
      // when it is searched
      const inline = inlineConstructions(root);
      // then only the service's line is reported
      expect(inline).toEqual(['modules/things/things.service.ts:2']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
