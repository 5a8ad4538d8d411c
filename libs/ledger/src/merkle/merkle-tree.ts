import { emptyRoot, hashChildren, splitPoint } from './merkle-hashes';

/** MTH of the leaves [from, to): from an array in tests and audits, from stored perfect subtrees in the ledger. */
export type RangeHasher = (from: number, to: number) => Buffer;

/** The Merkle Tree Hash of RFC 9162 §2.1.1, computed directly from leaf hashes (the reference). */
export const treeHash = (leaves: Buffer[], from = 0, to = leaves.length): Buffer => {
  const n = to - from;
  if (n === 0) return emptyRoot();
  if (n === 1) return leaves[from];
  const k = splitPoint(n);
  return hashChildren(treeHash(leaves, from, from + k), treeHash(leaves, from + k, to));
};

const arrayHasher =
  (leaves: Buffer[]): RangeHasher =>
  (from, to) =>
    treeHash(leaves, from, to);

/** RFC 9162 §2.1.3.1: PATH(m, D[n]), the inclusion proof of leaf m in the tree of the first n leaves. */
export const inclusionPathOf = (hashRange: RangeHasher, index: number, size: number): Buffer[] => {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size))
    throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path = (m: number, from: number, n: number): Buffer[] => {
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(m, from, k), hashRange(from + k, from + n)]
      : [...path(m - k, from + k, n - k), hashRange(from, from + k)];
  };
  return path(index, 0, size);
};

/** RFC 9162 §2.1.4.1: PROOF(m, D[n]), that the tree of the first m leaves is a prefix of the tree of n. */
export const consistencyPathOf = (hashRange: RangeHasher, first: number, second: number): Buffer[] => {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 1 && first <= second))
    throw new RangeError(`no consistency proof from ${first} to ${second}`);
  const subproof = (m: number, from: number, n: number, complete: boolean): Buffer[] => {
    if (m === n) return complete ? [] : [hashRange(from, from + n)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, from, k, complete), hashRange(from + k, from + n)]
      : [...subproof(m - k, from + k, n - k, false), hashRange(from, from + k)];
  };
  return subproof(first, 0, second, true);
};

export const inclusionPath = (leaves: Buffer[], index: number, size: number): Buffer[] => {
  if (size > leaves.length) throw new RangeError(`no tree of ${size} leaves`);
  return inclusionPathOf(arrayHasher(leaves), index, size);
};

export const consistencyPath = (leaves: Buffer[], first: number, second: number): Buffer[] => {
  if (second > leaves.length) throw new RangeError(`no tree of ${second} leaves`);
  return consistencyPathOf(arrayHasher(leaves), first, second);
};
