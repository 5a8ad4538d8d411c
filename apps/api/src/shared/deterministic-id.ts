import { createHash } from 'node:crypto';
import { uuidText } from './uuid-text';

/** A UUID (version 8, RFC 9562 §5.8) derived from its parts, so a retried request names the same things. */
export const deterministicUuid = (...parts: string[]): string => {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return uuidText(bytes);
};
