import { randomBytes } from 'node:crypto';
import { sm3Hex, sm3HexPortable } from './sm3';

describe('sm3Hex', () => {
  it('gives the GB/T 32905 example digests', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('agrees with the portable digest on text, binary and empty input', () => {
    for (const data of ['', '公文流转', 'x'.repeat(100_000), new Uint8Array(randomBytes(4097))]) {
      expect(sm3Hex(data)).toBe(sm3HexPortable(data));
    }
  });
});
