import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consistencyPathOf, hashLeaf, inclusionPathOf, treeHash } from '@ceasefire/ledger';
import { proofVerifierCases } from '../../../../libs/ledger/src/testing/proof-verifier.cases';
import { leafHashOf, RootBuilder, verifyConsistency, verifyInclusion } from './offline-merkle';

/*
 * The verifier's Merkle code is written apart from the server's on purpose; here the two must agree on
 * the public vectors and on every (index, size) and (from, to) up to 64, and the verifier must refuse
 * every small corruption of a proof.
 */
const vectors = JSON.parse(
  readFileSync(join(process.cwd(), 'libs', 'ledger', 'src', 'testing', 'vectors', 'rfc6962.json'), 'utf8'),
) as { leafInputsHex: string[]; rootsBySize: Record<string, string> };

const leaves = Array.from({ length: 64 }, (_, i) => leafHashOf(Buffer.from(`leaf ${i}`)));
const hasher = (start: number, end: number) => treeHash(leaves.slice(start, end));
const roots = leaves.map((_, i) => {
  const builder = new RootBuilder();
  leaves.slice(0, i + 1).forEach((l) => builder.add(l));
  return builder.root();
});
const rootOf = (size: number) => roots[size - 1];
const flip = (b: Buffer) => {
  const c = Buffer.from(b);
  c[0] ^= 1;
  return c;
};

describe('the offline verifier’s own RFC 9162 code', () => {
  it('recomputes the public roots of the vector tree', () => {
    const builder = new RootBuilder();
    vectors.leafInputsHex.forEach((h, i) => {
      builder.add(leafHashOf(Buffer.from(h, 'hex')));
      expect(builder.root().toString('hex')).toBe(vectors.rootsBySize[String(i + 1)]);
    });
    expect(leafHashOf(Buffer.from('L123456')).equals(hashLeaf(Buffer.from('L123456')))).toBe(true);
  });

  it('accepts every inclusion proof the server makes up to 64 leaves, and no corrupted one', () => {
    for (let size = 1; size <= 64; size++) {
      const root = rootOf(size);
      expect(root.equals(hasher(0, size))).toBe(true);
      for (let index = 0; index < size; index++) {
        const path = inclusionPathOf(hasher, index, size);
        expect(verifyInclusion(index, size, leaves[index], path, root)).toBe(true);
        if (size > 1) expect(verifyInclusion((index + 1) % size, size, leaves[index], path, root)).toBe(false);
        if (size < 64) expect(verifyInclusion(index, size + 1, leaves[index], path, rootOf(size + 1))).toBe(false);
        expect(verifyInclusion(index, size, leaves[index], [...path, leaves[0]], root)).toBe(false);
        if (path.length) {
          expect(verifyInclusion(index, size, leaves[index], path.slice(0, -1), root)).toBe(false);
          expect(verifyInclusion(index, size, leaves[index], [flip(path[0]), ...path.slice(1)], root)).toBe(false);
        }
        expect(verifyInclusion(index, size, flip(leaves[index]), path, root)).toBe(false);
      }
    }
  });

  it('accepts every consistency proof the server makes up to 64 leaves, and no corrupted one', () => {
    for (let to = 1; to <= 64; to++) {
      for (let from = 1; from <= to; from++) {
        const path = consistencyPathOf(hasher, from, to);
        const [a, b] = [rootOf(from), rootOf(to)];
        expect(verifyConsistency(from, to, a, b, path)).toBe(true);
        if (from === to) continue;
        expect(verifyConsistency(from, to, b, a, path)).toBe(false);
        expect(verifyConsistency(from, to, flip(a), b, path)).toBe(false);
        expect(verifyConsistency(from, to, a, flip(b), path)).toBe(false);
        expect(verifyConsistency(from, to, a, b, path.slice(0, -1))).toBe(false);
        expect(verifyConsistency(from, to, a, b, [...path, leaves[0]])).toBe(false);
        expect(verifyConsistency(from, to, a, b, [flip(path[0]), ...path.slice(1)])).toBe(false);
        if (to < 64) expect(verifyConsistency(from, to + 1, a, rootOf(to + 1), path)).toBe(false);
      }
    }
  });
});

proofVerifierCases('the offline verifier', verifyInclusion, verifyConsistency);
