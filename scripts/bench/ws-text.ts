import type { RawData } from 'ws';

/**
 * The text of a `ws` message. Kept out of lib.ts so the bare baseline server loads nothing but `ws`.
 * With the default binaryType a message arrives as one Buffer; the other two shapes are decoded too
 * rather than stringified as "[object ArrayBuffer]" or comma-joined.
 */
export function wsText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8');
  return raw.toString('utf8');
}
