import { createHash } from 'node:crypto';

/*
 * The verifier's own Merkle code. It deliberately shares nothing with the server's libs/ledger: an
 * auditor can read this file alone and check it against RFC 9162 §2.1, trusting only node:crypto.
 */

const sha256 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

/** RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 ‖ entry). */
export const leafHashOf = (entry: Buffer): Buffer => sha256(Buffer.from([0]), entry);

/** RFC 9162 §2.1.1 Merkle Tree Hash, computed bottom-up from all leaf hashes with a stack: O(n) time, O(log n) memory. */
export class RootBuilder {
  private stack: { size: number; hash: Buffer }[] = [];
  count = 0;

  add(leafHash: Buffer): void {
    let node = { size: 1, hash: leafHash };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop() as { size: number; hash: Buffer };
      node = { size: left.size * 2, hash: sha256(Buffer.from([1]), left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1;
  }

  /** Folds the remaining perfect subtrees right to left, as the RFC's unbalanced right edge does. */
  root(): Buffer {
    if (this.stack.length === 0) return sha256();
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = sha256(Buffer.from([1]), this.stack[i].hash, hash);
    return hash;
  }
}
