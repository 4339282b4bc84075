import argon2 from 'argon2';

/** Password hashing with argon2id (GB/T 22239 asks for salted one-way storage). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    // a malformed stored hash is a failed verification, never a crash of the login route
    return false;
  }
}
