import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRoot, hashChildren, hashLeaf } from './merkle-hashes';
import { consistencyPath, inclusionPath, treeHash } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './verify-proofs';
import { proofVerifierCases } from '../testing/proof-verifier.cases';

interface Vectors {
  hashes: Record<string, string>;
  leafInputsHex: string[];
  rootsBySize: Record<string, string>;
}
// The public vectors of transparency-dev/merkle (copied from ../shared/vectors with their source line, so tests need nothing outside the repo).
const vectors = JSON.parse(
  readFileSync(join(process.cwd(), 'libs', 'ledger', 'src', 'testing', 'vectors', 'rfc6962.json'), 'utf8'),
) as Vectors;
const hex = (b: Buffer) => b.toString('hex');

/** Brute force straight from the definition, sharing nothing with the code under test but SHA-256. */
const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const bruteRoot = (leaves: Buffer[]): Buffer => {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), bruteRoot(leaves.slice(0, k)), bruteRoot(leaves.slice(k)));
};

const leaves = Array.from({ length: 64 }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));

describe('RFC 6962 / 9162 Merkle tree', () => {
  it('matches the public hash vectors', () => {
    expect(hex(emptyRoot())).toBe(vectors.hashes.emptyTree);
    expect(hex(hashLeaf(Buffer.alloc(0)))).toBe(vectors.hashes.leafOfEmptyString);
    expect(hex(hashLeaf(Buffer.from('L123456')))).toBe(vectors.hashes.leafOf_L123456);
    expect(hex(hashChildren(Buffer.from('N123'), Buffer.from('N456')))).toBe(vectors.hashes.nodeOf_N123_N456);
  });

  it('matches the public roots for every size of the vector tree', () => {
    const vectorLeaves = vectors.leafInputsHex.map((h) => hashLeaf(Buffer.from(h, 'hex')));
    for (const [size, root] of Object.entries(vectors.rootsBySize))
      expect(hex(treeHash(vectorLeaves, 0, Number(size)))).toBe(root);
  });

  it('equals the brute-force root for every size up to 64', () => {
    for (let n = 0; n <= 64; n++) expect(treeHash(leaves, 0, n).equals(bruteRoot(leaves.slice(0, n)))).toBe(true);
  });

  it('proves inclusion of every leaf in every tree up to 64, against the brute-force root', () => {
    for (let n = 1; n <= 64; n++)
      for (let m = 0; m < n; m++)
        expect(verifyInclusion(m, n, leaves[m], inclusionPath(leaves, m, n), bruteRoot(leaves.slice(0, n)))).toBe(true);
  });

  it('proves consistency between every pair of sizes up to 64', () => {
    for (let n = 1; n <= 64; n++)
      for (let m = 1; m <= n; m++)
        expect(
          verifyConsistency(
            m,
            n,
            bruteRoot(leaves.slice(0, m)),
            bruteRoot(leaves.slice(0, n)),
            consistencyPath(leaves, m, n),
          ),
        ).toBe(true);
  });

  describe('rejects altered inclusion proofs', () => {
    const flip = (b: Buffer) => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 1 : x)));
    it.each([
      [0, 1],
      [3, 8],
      [5, 13],
      [12, 13],
      [31, 64],
      [40, 63],
    ])('leaf %i of %i', (m, n) => {
      const path = inclusionPath(leaves, m, n);
      const root = treeHash(leaves, 0, n);
      expect(verifyInclusion(m, n, leaves[m], path, root)).toBe(true);
      if (n > 1) expect(verifyInclusion((m + 1) % n, n, leaves[m], path, root)).toBe(false);
      // A proof binds the size only through its length; the signed checkpoint binds the rest.
      expect(verifyInclusion(m, 2 * n, leaves[m], path, root)).toBe(false);
      expect(verifyInclusion(m, n, flip(leaves[m]), path, root)).toBe(false);
      expect(verifyInclusion(m, n, leaves[m], path, flip(root))).toBe(false);
      if (path.length) expect(verifyInclusion(m, n, leaves[m], [flip(path[0]), ...path.slice(1)], root)).toBe(false);
      if (path.length) expect(verifyInclusion(m, n, leaves[m], path.slice(0, -1), root)).toBe(false);
      expect(verifyInclusion(m, n, leaves[m], [...path, leaves[0]], root)).toBe(false);
      expect(verifyInclusion(n, n, leaves[m], path, root)).toBe(false);
    });
  });

  describe('rejects altered consistency proofs', () => {
    const flip = (b: Buffer) => Buffer.from(b.map((x, i) => (i === 31 ? x ^ 0x80 : x)));
    it.each([
      [1, 2],
      [3, 7],
      [4, 8],
      [6, 8],
      [7, 64],
      [13, 40],
      [32, 64],
    ])('from %i to %i', (m, n) => {
      const path = consistencyPath(leaves, m, n);
      const [a, b] = [treeHash(leaves, 0, m), treeHash(leaves, 0, n)];
      expect(verifyConsistency(m, n, a, b, path)).toBe(true);
      expect(verifyConsistency(m, n, b, a, path)).toBe(false);
      expect(verifyConsistency(m + 1, n, a, b, path)).toBe(false);
      expect(verifyConsistency(m, 2 * n, a, b, path)).toBe(false);
      expect(verifyConsistency(m, n, flip(a), b, path)).toBe(false);
      expect(verifyConsistency(m, n, a, b, [flip(path[0]), ...path.slice(1)])).toBe(false);
      expect(verifyConsistency(m, n, a, b, path.slice(0, -1))).toBe(false);
      expect(verifyConsistency(m, n, a, b, [...path, leaves[0]])).toBe(false);
    });

    it('rejects a rollback: a smaller "second" tree', () => {
      expect(verifyConsistency(8, 4, treeHash(leaves, 0, 8), treeHash(leaves, 0, 4), [])).toBe(false);
    });
  });
});

proofVerifierCases('the server (libs/ledger)', verifyInclusion, verifyConsistency);
