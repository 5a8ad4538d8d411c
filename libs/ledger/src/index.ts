export { emptyRoot, hashChildren, hashLeaf } from './merkle/merkle-hashes';
export {
  consistencyPath,
  consistencyPathOf,
  inclusionPath,
  inclusionPathOf,
  type RangeHasher,
  treeHash,
} from './merkle/merkle-tree';
export { appendLeaf, type NodeStore, storedRangeHasher } from './merkle/merkle-node-store';
export { verifyConsistency, verifyInclusion } from './merkle/verify-proofs';
export { type Checkpoint, formatCheckpoint, parseCheckpoint } from './note/checkpoint';
export {
  formatVerifierKey,
  noteKeyHash,
  type NoteSigner,
  type NoteVerifier,
  parseSignerKey,
  parseVerifierKey,
} from './note/note-keys';
export { parseNote, signatureLine, signNote, verifyNote } from './note/signed-note';
export { formatTlogProof, parseTlogProof, type TlogProof } from './note/tlog-proof';
export {
  cosign,
  type Cosigner,
  cosignerKeyHash,
  formatCosignerKey,
  parseCosignerKey,
  verifyCosignature,
} from './note/cosignature';
