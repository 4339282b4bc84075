import { canonicalJson, versionDigest } from './document-digest';

describe('document version digest', () => {
  it('should digest the canonical JSON: the key order does not matter, any value does', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(versionDigest({ a: 1, b: '标题' })).toBe(versionDigest({ b: '标题', a: 1 }));
    expect(versionDigest({ a: 1, b: '标题' })).not.toBe(versionDigest({ a: 1, b: '标题。' }));
    expect(versionDigest({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
