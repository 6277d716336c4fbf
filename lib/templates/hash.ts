/**
 * FNV-1a, 32 bit, over UTF-16 code units, as 8 hex digits. Not cryptographic: it names import rows
 * without an id deterministically (re-importing the same file finds the same ids) and detects a sync
 * payload assembled from chunks of two different writes.
 */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
