import type { Observable } from 'rxjs';
import type { SseConnection } from './sse-connection';

export interface FeedSource<T extends { position: string }> {
  /** Items after a position, in log order (all of them, or those of a server-side filter). */
  page(after: string | undefined, limit: number): Promise<T[]> | T[];
  live$: Observable<T>;
  accept(item: T): boolean;
  /** The whole SSE message for an item; live items are shared by every connection, so it is made once. */
  frame(item: T): Buffer;
}

const PAGE = 200;
/** Live items held while the catch-up reads; a consumer this far behind reconnects instead. */
const MAX_HELD = 10_000;

/**
 * Catch-up then live, with no gap and no repeat: listen first, read the stored items after `after`,
 * then send what arrived meanwhile beyond the last position sent. Each message's id is its position.
 */
export const streamFeed = async <T extends { position: string }>(
  connection: SseConnection,
  after: string | undefined,
  source: FeedSource<T>,
): Promise<void> => {
  let last = after ?? '';
  let live = false;
  const held: T[] = [];
  const deliver = (item: T) => {
    if (item.position <= last) return;
    last = item.position;
    if (!source.accept(item)) return;
    connection.write(source.frame(item));
  };
  const subscription = source.live$.subscribe((item) => {
    if (live) deliver(item);
    else if (held.push(item) > MAX_HELD) connection.close('disconnected: too far behind; resume with Last-Event-ID');
  });
  try {
    for (;;) {
      const page = await source.page(last || undefined, PAGE);
      page.forEach(deliver);
      if (page.length < PAGE || !connection.isOpen) break;
      await connection.drained();
    }
    held.forEach(deliver);
    held.length = 0;
    live = true;
    await connection.closed;
  } finally {
    subscription.unsubscribe();
  }
};
