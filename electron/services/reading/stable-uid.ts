import { createHash } from 'node:crypto';

/**
 * A UID under the 2.25 root derived from its parts: building the objects of one signed report
 * again gives the same UIDs, so a re-queue can never store a second copy in the PACS.
 */
export function stableUid(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  // 2.25 takes a decimal 128-bit integer; the first 16 bytes of the hash, top bit cleared.
  digest[0] = (digest[0] ?? 0) & 0x7f;
  return `2.25.${BigInt(`0x${digest.subarray(0, 16).toString('hex')}`).toString(10)}`;
}
