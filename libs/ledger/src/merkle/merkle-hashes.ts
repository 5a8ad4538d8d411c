import { createHash } from 'node:crypto';

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** RFC 9162 §2.1.1: the hash of an empty tree is the hash of the empty string. */
export const emptyRoot = (): Buffer => createHash('sha256').digest();

/** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 ‖ d(0)). */
export const hashLeaf = (input: Buffer): Buffer => createHash('sha256').update(LEAF).update(input).digest();

/** RFC 9162 §2.1.1: an interior node is SHA-256(0x01 ‖ left ‖ right). */
export const hashChildren = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256').update(NODE).update(left).update(right).digest();

/** The largest power of two strictly smaller than n (n ≥ 2), the split point k of RFC 9162 §2.1.1. */
export const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
