import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { productSecurityOptions, securityHeaders } from './security-headers';

const DOCKER = join(__dirname, '../../../../docker');
const read = (file: string) => readFileSync(join(DOCKER, file), 'utf8').replace(/#.*$/gm, '');

/** `add_header Name "value" [always];` and `proxy_hide_header Name;` of an nginx file. */
function directives(text: string) {
  const added = [...text.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"(\s+always)?\s*;/gm)].map(([, name, value, always]) => ({
    name: name.toLowerCase(),
    value,
    always: !!always,
  }));
  const hidden = [...text.matchAll(/^\s*proxy_hide_header\s+(\S+)\s*;/gm)].map(([, name]) => name.toLowerCase());
  return { added, hidden };
}

/** The blocks `location … { … }` of nginx.conf (none nests another). */
function locations(text: string): { match: string; body: string }[] {
  return [...text.matchAll(/location\s+([^{]+)\{([^}]*)\}/g)].map(([, match, body]) => ({ match: match.trim(), body }));
}

describe('docker/nginx.conf security headers', () => {
  // compose serves plain HTTP on port 80: the server's headers for LIUZHUAN_HTTPS unset
  const server = securityHeaders(productSecurityOptions(false));
  const include = directives(read('security-headers.conf'));

  it('should send exactly the headers and values the server sends', () => {
    // given / when
    const sent = Object.fromEntries(include.added.map((h) => [h.name, h.value]));
    // then
    expect(sent).toEqual(server);
  });

  it('should send them on error responses too and replace, not duplicate, the server copies on /api', () => {
    // given / when / then
    expect(include.added.filter((h) => !h.always)).toEqual([]);
    expect([...include.hidden].sort()).toEqual(Object.keys(server).sort());
  });

  it('should include them at server level and in every location that sets a header of its own', () => {
    // given
    const conf = read('nginx.conf');
    const line = /^\s*include\s+\/etc\/nginx\/security-headers\.conf\s*;/m;
    // when
    const own = locations(conf).filter((l) => /add_header/.test(l.body));
    const outside = conf.replace(/location\s+[^{]+\{[^}]*\}/g, '');
    // then: nginx inherits add_header only into a location that has none
    expect(outside).toMatch(line);
    expect(own.length).toBeGreaterThan(0);
    for (const location of own) expect([location.match, line.test(location.body)]).toEqual([location.match, true]);
  });

  it('should put the file where nginx.conf includes it when the client image is built', () => {
    // given / when
    const dockerfile = readFileSync(join(DOCKER, 'client.Dockerfile'), 'utf8');
    // then
    expect(dockerfile).toMatch(/^COPY docker\/security-headers\.conf \/etc\/nginx\/security-headers\.conf$/m);
  });
});
