export { emptyRoot, hashChildren, hashLeaf } from './merkle/merkle-hashes';
export { consistencyPath, inclusionPath, treeHash } from './merkle/merkle-tree';
export { verifyConsistency, verifyInclusion } from './merkle/verify-proofs';
