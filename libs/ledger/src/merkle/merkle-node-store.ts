import { emptyRoot, hashChildren } from './merkle-hashes';
import type { RangeHasher } from './merkle-tree';

/**
 * Where a log keeps its perfect subtrees: node (level, index) is the hash of leaves
 * [index·2^level, (index+1)·2^level). Level 0 holds the leaf hashes.
 */
export interface NodeStore {
  get(level: number, index: number): Buffer | undefined;
  put(level: number, index: number, hash: Buffer): void;
}

/**
 * Appends leaf `index` (the tree's size before it) and every perfect subtree it completes:
 * O(log n) writes, so roots and proofs never recompute from all leaves.
 */
export const appendLeaf = (store: NodeStore, index: number, leafHash: Buffer): void => {
  store.put(0, index, leafHash);
  let level = 0;
  let i = index;
  let hash = leafHash;
  while (i % 2 === 1) {
    const left = store.get(level, i - 1);
    if (!left) throw new Error(`missing node (${level}, ${i - 1})`);
    hash = hashChildren(left, hash);
    level += 1;
    i = Math.floor(i / 2);
    store.put(level, i, hash);
  }
};

/**
 * MTH of [from, to) from stored nodes. The RFC 9162 §2.1.1 recursion only ever asks for ranges
 * whose start is aligned to the left part's size, so each splits into O(log n) perfect subtrees.
 */
export const storedRangeHasher =
  (store: NodeStore): RangeHasher =>
  (from, to) => {
    const hashOf = (start: number, end: number): Buffer => {
      const n = end - start;
      if (n === 0) return emptyRoot();
      let size = 1;
      let level = 0;
      while (size * 2 <= n) [size, level] = [size * 2, level + 1];
      if (size === n && start % size === 0) {
        const node = store.get(level, start / size);
        if (!node) throw new Error(`missing node (${level}, ${start / size})`);
        return node;
      }
      const k = size === n ? size / 2 : size;
      return hashChildren(hashOf(start, start + k), hashOf(start + k, end));
    };
    return hashOf(from, to);
  };
