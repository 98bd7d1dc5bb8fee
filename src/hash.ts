/** Content hashing (document identity when a document carries no number). */
import { createHash } from 'node:crypto';

/** sha256 of a text, hex. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}
