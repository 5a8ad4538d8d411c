import type { FastifyReply } from 'fastify';

export interface SseSettings {
  heartbeatMs: number;
  /** Bytes the socket may hold unsent before the consumer counts as too slow and is disconnected. */
  maxBufferedBytes: number;
}

/** One SSE message as bytes: made once and written as is to every connection that sends it. */
export const sseFrame = (id: string, event: string, data: string): Buffer =>
  Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`, 'utf8');

/**
 * One text/event-stream response. A consumer that stops reading is disconnected once its unsent
 * bytes pass the limit, rather than buffered without bound; it resumes with Last-Event-ID.
 */
export class SseConnection {
  readonly closed: Promise<void>;
  private open = true;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly reply: FastifyReply,
    private readonly settings: SseSettings,
  ) {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 1000\n: connected\n\n');
    this.closed = new Promise((resolve) => raw.once('close', () => resolve()));
    void this.closed.then(() => this.stop());
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), settings.heartbeatMs);
  }

  get isOpen(): boolean {
    return this.open;
  }

  send(id: string, event: string, data: string): void {
    this.write(sseFrame(id, event, data));
  }

  /** Resolves when the socket has room again (or the connection is gone). */
  drained(): Promise<void> {
    if (!this.open || !this.reply.raw.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.reply.raw.off('drain', done);
        resolve();
      };
      this.reply.raw.once('drain', done);
      void this.closed.then(done);
    });
  }

  close(reason?: string): void {
    if (!this.open) return;
    if (reason) this.reply.raw.write(`: ${reason}\n\n`);
    this.stop();
    this.reply.raw.end();
  }

  write(text: string | Buffer): void {
    if (!this.open) return;
    if (this.reply.raw.writableLength > this.settings.maxBufferedBytes) {
      this.close('disconnected: too slow; resume with Last-Event-ID');
      return;
    }
    this.reply.raw.write(text);
  }

  private stop(): void {
    this.open = false;
    clearInterval(this.heartbeat);
  }
}
