export { emptyRoot, hashChildren, hashLeaf } from './merkle/merkle-hashes';
export { consistencyPath, inclusionPath, treeHash } from './merkle/merkle-tree';
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
