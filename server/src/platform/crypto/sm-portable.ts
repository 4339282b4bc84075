import type * as SmCrypto from 'sm-crypto-v2';

/**
 * sm-crypto-v2, the pure-JS SM3/SM4, loaded on first use: OpenSSL 3 does both natively (Node 18+),
 * so a server uses it only on a Node built without them, and the tests to check the native
 * digest and cipher against it. Not loading it keeps its code and tables out of every process.
 */
let loaded: typeof SmCrypto | null = null;
export function smPortable(): typeof SmCrypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where used, see above
  return (loaded ??= require('sm-crypto-v2') as typeof SmCrypto);
}
