import fc from 'fast-check';
import { hashLeaf } from './merkle-hashes';
import { appendLeaf, type NodeStore, storedRangeHasher } from './merkle-node-store';
import { consistencyPath, consistencyPathOf, inclusionPath, inclusionPathOf, treeHash } from './merkle-tree';

const memoryStore = () => {
  const nodes = new Map<string, Buffer>();
  const store: NodeStore & { writes: number } = {
    writes: 0,
    get: (level, index) => nodes.get(`${level}/${index}`),
    put: (level, index, hash) => {
      store.writes += 1;
      nodes.set(`${level}/${index}`, hash);
    },
  };
  return store;
};

describe('incremental Merkle node store', () => {
  it('gives the same roots and proofs as the reference for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));
    const store = memoryStore();
    leaves.forEach((leaf, i) => {
      appendLeaf(store, i, leaf);
      const size = i + 1;
      const hasher = storedRangeHasher(store);
      expect(hasher(0, size).equals(treeHash(leaves, 0, size))).toBe(true);
      for (let m = 0; m < size; m += 7)
        expect(inclusionPathOf(hasher, m, size)).toEqual(inclusionPath(leaves, m, size));
      for (let m = 1; m <= size; m += 5)
        expect(consistencyPathOf(hasher, m, size)).toEqual(consistencyPath(leaves, m, size));
    });
  });

  it('writes O(log n) nodes per leaf (fewer than two per leaf on average)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (n) => {
        const store = memoryStore();
        for (let i = 0; i < n; i++) appendLeaf(store, i, hashLeaf(Buffer.from(String(i))));
        expect(store.writes).toBeLessThan(2 * n);
      }),
      { numRuns: 20 },
    );
  });
});
