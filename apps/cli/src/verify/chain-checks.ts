import type { ChainLink } from './envelope';
import { type FailurePlace, VerifyFailure } from './verify-failure';

const ZERO_HASH = '0'.repeat(64);

/** Each stream's revisions contiguous from 0, each prevHash the hash of the revision before. */
export class ChainChecker {
  readonly tails = new Map<string, { revision: number; hash: string }>();

  /**
   * `partial`: entries start mid-log (a selective bundle, or one batch of a larger check), so a stream's
   * first entry here is not held to revision 0; it is recorded in `heads` for whoever holds the earlier entries.
   */
  constructor(private readonly partial = false) {}

  readonly heads: (ChainLink & { entry: number })[] = [];

  link(e: ChainLink, hash: string, place: FailurePlace): void {
    const tail = this.tails.get(e.stream);
    if (tail) ChainChecker.follows(e, tail, place);
    else if (this.partial)
      this.heads.push({ stream: e.stream, revision: e.revision, prevHash: e.prevHash, entry: place.entry as number });
    else ChainChecker.starts(e, place);
    this.tails.set(e.stream, { revision: e.revision, hash });
  }

  /** Links a batch's first entry of a stream to what came before it. */
  joinHead(head: ChainLink & { entry: number }): void {
    const place = { entry: head.entry, stream: head.stream, revision: head.revision };
    const tail = this.tails.get(head.stream);
    if (tail) ChainChecker.follows(head, tail, place);
    else ChainChecker.starts(head, place);
  }

  private static follows(e: ChainLink, tail: { revision: number; hash: string }, place: FailurePlace): void {
    if (e.revision !== tail.revision + 1)
      throw new VerifyFailure(`revision follows ${tail.revision}: a revision is missing or out of order`, place);
    if (e.prevHash !== null && e.prevHash !== tail.hash)
      throw new VerifyFailure(`prevHash is not the hash of revision ${tail.revision}`, place);
  }

  private static starts(e: ChainLink, place: FailurePlace): void {
    if (e.revision !== 0)
      throw new VerifyFailure('the stream starts after revision 0: earlier revisions are missing', place);
    if (e.prevHash !== null && e.prevHash !== ZERO_HASH)
      throw new VerifyFailure('revision 0 must have a zero prevHash', place);
  }
}
