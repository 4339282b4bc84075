import type { EntityManager } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';

/** A signature as stored: the algorithm, the key that made it (its id for the {@link Signer}) and the value. */
export interface SignatureValue {
  /** `SM2-SM3`: SM2 (GM/T 0003.2) over SM3(Z‖M), DER-encoded (GM/T 0009) */
  algorithm: string;
  keyId: string;
  /** hex */
  signature: string;
}

/**
 * The signing port (电子签名): who holds the private key is the driver's business. The shipped
 * driver keeps each leader's SM2 key pair on the server (ServerKeySigner); a UKey or a CA
 * certificate replaces it by providing {@link SIGNER} with another implementation.
 */
export interface Signer {
  /** Signs the message as the user, in the caller's unit of work (a first signing may create the user's key there). */
  sign(tx: Tx, username: string, message: string): Promise<SignatureValue>;
  /** Whether the signature is the named key's over the message; an unknown key or a malformed value is not valid. */
  verify(message: string, value: SignatureValue, m?: EntityManager): Promise<boolean>;
  /** Who holds the key (its user), or null when the key is unknown. */
  holderOf(keyId: string, m?: EntityManager): Promise<string | null>;
}

/** The injection token of the {@link Signer} port. */
export const SIGNER = Symbol('Signer');
