/**
 * Where file contents live (attachments, rendered documents). The database holds each file's
 * metadata and SM3 digest; the store holds only bytes under opaque keys the server makes up —
 * never a user-supplied name. The local filesystem driver is the one in use; an S3-compatible
 * driver can implement the same port.
 */
export interface FileStorage {
  /** Stores the bytes under `key`; a key is written once. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Keys are lower-case letters, digits, `/`, `-` and `.` segments; nothing that could climb out of the store. */
export const STORAGE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9.-]{0,62}){0,3}$/;
