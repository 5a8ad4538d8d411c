import { createHash, hash } from 'node:crypto';

/*
 * The verifier's own Merkle code. It deliberately shares nothing with the server's libs/ledger: an
 * auditor can read this file alone and check it against RFC 9162 §2.1, trusting only node:crypto.
 */

const ZERO = Buffer.from([0]);

/** RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 ‖ entry). */
export const leafHashOf = (entry: Buffer | string): Buffer => createHash('sha256').update(ZERO).update(entry).digest();

/** The same leaf hash when the byte before the entry in `buffer` is already the 0x00 prefix (saves a copy). */
export const prefixedLeafHashOf = (buffer: Buffer, start: number, end: number): Buffer => {
  if (buffer[start - 1] !== 0) throw new Error('the leaf prefix byte is missing');
  return hash('sha256', buffer.subarray(start - 1, end), 'buffer');
};

const node = Buffer.alloc(65, 1);
/** RFC 9162 §2.1.1 interior node: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHashOf = (left: Buffer, right: Buffer): Buffer => {
  left.copy(node, 1);
  right.copy(node, 33);
  return hash('sha256', node, 'buffer');
};

/** RFC 9162 §2.1.1 Merkle Tree Hash, computed bottom-up from all leaf hashes with a stack: O(n) time, O(log n) memory. */
export class RootBuilder {
  private stack: { size: number; hash: Buffer }[] = [];
  count = 0;

  add(leafHash: Buffer): void {
    this.addSubtree(leafHash, 1);
  }

  /** Adds the root of the next `size` leaves (a power of two; the count so far must be a multiple of it). */
  addSubtree(hash: Buffer, size: number): void {
    if (this.count % size !== 0) throw new Error(`a subtree of ${size} leaves cannot start at leaf ${this.count}`);
    let node = { size, hash };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop() as { size: number; hash: Buffer };
      node = { size: left.size * 2, hash: nodeHashOf(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += size;
  }

  /** Folds the remaining perfect subtrees right to left, as the RFC's unbalanced right edge does. */
  root(): Buffer {
    if (this.stack.length === 0) return createHash('sha256').digest();
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHashOf(this.stack[i].hash, hash);
    return hash;
  }
}

// Sizes go up to 2^53, beyond JavaScript's 32-bit shift operators.
const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: does `path` prove leaf `index` (hash `leaf`) is in the tree of `size` leaves with `root`? */
export const verifyInclusion = (index: number, size: number, leaf: Buffer, path: Buffer[], root: Buffer): boolean => {
  if (!wholeNumbers(index, size) || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHashOf(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else r = nodeHashOf(r, p);
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
};

/** RFC 9162 §2.1.4.2: does `path` prove the tree of `second` leaves extends the tree of `first` leaves? */
export const verifyConsistency = (
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  path: Buffer[],
): boolean => {
  if (!wholeNumbers(first, second) || first > second) return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return path.length === 0;
  if (path.length === 0) return false;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : path;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHashOf(c, fr);
      sr = nodeHashOf(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else sr = nodeHashOf(sr, c);
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
};

/** Sizes and indexes are safe, non-negative integers; anything else proves nothing. */
const wholeNumbers = (...values: number[]): boolean => values.every((v) => Number.isSafeInteger(v) && v >= 0);

const isPowerOfTwo = (n: number): boolean => {
  while (n > 1) {
    if (odd(n)) return false;
    n = half(n);
  }
  return n === 1;
};
