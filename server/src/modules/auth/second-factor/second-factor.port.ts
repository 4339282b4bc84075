/**
 * A second factor at sign-in, beside the password. TOTP (authenticator apps) is the one built;
 * an SM2 certificate on a UKey would be another implementation: its "secret" the certificate,
 * its proof a signature over a server challenge instead of a code.
 */
export interface SecondFactor {
  /** stored in `user_second_factor.kind` */
  readonly kind: string;

  /** A new secret for the user to take into their device, and what to show them. */
  begin(username: string): Promise<{ secret: string; enrolment: Record<string, string> }>;

  /**
   * The time step the proof is good for, or null when it is wrong. The caller refuses a step at
   * or before the last one accepted (a code is good once).
   */
  verify(secret: string, proof: string, at: number): Promise<number | null>;
}

export const SECOND_FACTOR = Symbol('SecondFactor');
