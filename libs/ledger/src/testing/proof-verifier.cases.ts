import { createHash } from 'node:crypto';

type VerifyInclusion = (index: number, size: number, leaf: Buffer, path: Buffer[], root: Buffer) => boolean;
type VerifyConsistency = (
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  path: Buffer[],
) => boolean;

const leaf = (n: number) =>
  createHash('sha256')
    .update(Buffer.from([0, n]))
    .digest();
const node = (l: Buffer, r: Buffer) =>
  createHash('sha256')
    .update(Buffer.from([1]))
    .update(l)
    .update(r)
    .digest();
const [a, b] = [leaf(0), leaf(1)];
const ab = node(a, b);

/**
 * One table of edge cases for RFC 9162 proof verification, which the server's code (libs/ledger) and
 * the offline verifier's own code (apps/cli/src/verify, written apart on purpose) must both answer
 * the same way. Sizes and indexes are JavaScript numbers: only safe, non-negative integers mean anything.
 */
export const inclusionCases: [string, Parameters<VerifyInclusion>, boolean][] = [
  ['the only leaf of a one-leaf tree', [0, 1, a, [], a], true],
  ['the second leaf of a two-leaf tree', [1, 2, b, [a], ab], true],
  ['a negative index', [-1, 2, b, [a], ab], false],
  ['an index equal to the size', [2, 2, b, [a], ab], false],
  ['an empty tree', [0, 0, a, [], a], false],
  ['a fractional index', [0.5, 2, a, [b], ab], false],
  ['a fractional size', [1, 1.5, b, [a], ab], false],
  ['a NaN index', [Number.NaN, 2, a, [b], ab], false],
  ['an infinite size', [1, Number.POSITIVE_INFINITY, b, [a], ab], false],
  ['an unsafe index and size', [2 ** 53, 2 ** 53 + 2, a, [b], ab], false],
  ['a path one hash too long', [0, 1, a, [b], a], false],
];

export const consistencyCases: [string, Parameters<VerifyConsistency>, boolean][] = [
  ['a tree with itself', [2, 2, ab, ab, []], true],
  ['one leaf, then two', [1, 2, a, ab, [b]], true],
  ['the empty tree, with an empty proof', [0, 2, ab, ab, []], true],
  ['the empty tree, with a non-empty proof', [0, 2, ab, ab, [a]], false],
  ['a tree with itself and a non-empty proof', [2, 2, ab, ab, [a]], false],
  ['a smaller second tree (a rollback)', [2, 1, ab, a, [b]], false],
  ['a negative first size', [-1, 2, a, ab, [b]], false],
  ['a fractional first size', [1.5, 2, a, ab, [b]], false],
  ['a NaN second size', [1, Number.NaN, a, ab, [b]], false],
  ['an infinite second size', [1, Number.POSITIVE_INFINITY, a, ab, [b]], false],
  ['unsafe sizes', [2 ** 53, 2 ** 53 + 2, a, ab, [b]], false],
  ['two different trees of one size', [2, 2, ab, node(b, a), []], false],
];

/** Registers the table as tests for one implementation. */
export const proofVerifierCases = (name: string, inclusion: VerifyInclusion, consistency: VerifyConsistency): void => {
  describe(`${name}: the shared proof-verification edge cases`, () => {
    it.each(inclusionCases)('inclusion: %s', (_why, args, expected) => expect(inclusion(...args)).toBe(expected));
    it.each(consistencyCases)('consistency: %s', (_why, args, expected) => expect(consistency(...args)).toBe(expected));
  });
};
