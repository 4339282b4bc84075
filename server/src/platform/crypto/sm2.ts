import { smPortable } from './sm-portable';

/** An SM2 key pair as hex: the private key (64 digits) and the uncompressed public key (04‖x‖y). */
export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

/**
 * The signer's distinguishing identifier of GM/T 0003.2 (Z = SM3(ENTL‖ID‖a‖b‖G‖P)): the default
 * ID of GM/T 0009 §10, which a UKey or CA certificate uses unless it names another.
 */
export const SM2_DEFAULT_ID = '1234567812345678';

/** A new SM2 key pair (the random numbers come from Web Crypto through sm-crypto-v2). */
export function sm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = smPortable().sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/**
 * SM2 signature (GM/T 0003.2) of the message: e = SM3(Z‖M) with the signer's Z, the signature
 * DER-encoded (GM/T 0009 SM2Signature, the form a UKey returns) as hex.
 */
export function sm2Sign(message: string | Uint8Array, key: Sm2KeyPair): string {
  return smPortable().sm2.doSignature(message, key.privateKey, { hash: true, der: true, publicKey: key.publicKey, userId: SM2_DEFAULT_ID });
}

/** Whether the DER hex signature is the public key's over the message; a malformed one is simply not valid. */
export function sm2Verify(message: string | Uint8Array, signature: string, publicKey: string): boolean {
  if (!/^[0-9a-f]+$/i.test(signature) || signature.length % 2 || !/^04[0-9a-f]{128}$/i.test(publicKey)) return false;
  // a corrupt DER or a point off the curve throws inside the library: that is a signature that does not verify
  try {
    return smPortable().sm2.doVerifySignature(message, signature, publicKey, { hash: true, der: true, userId: SM2_DEFAULT_ID });
  } catch {
    return false;
  }
}
