import { eventTypeOf, parseFeedEvent, readEventStream } from '@ceasefire/api-client';

export interface Breach {
  /** The global position: the SSE id, and where a reconnect resumes. */
  position: string;
  eventId: string;
  type: string;
  time: string;
  subject?: string;
  parties: string[];
  severity?: string;
}

type Connect = (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;

/**
 * The live breach feed, kept for the page's life: on a dropped connection it resumes after the last breach
 * it showed (Last-Event-ID), so none is missed and none shown twice, also when the page is left and reopened.
 */
export class BreachTicker {
  readonly breaches: Breach[] = [];
  connected = false;
  private lastEventId: string | undefined;
  private abort?: AbortController;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly connect: Connect) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.abort) void this.run();
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private async run() {
    const abort = (this.abort = new AbortController());
    const connect = async (last: string | undefined) => {
      this.connected = false;
      this.changed();
      const response = await this.connect(last, abort.signal);
      this.connected = response.ok;
      this.changed();
      return response;
    };
    try {
      for await (const message of readEventStream(connect, this.lastEventId, abort.signal)) {
        if (this.lastEventId !== undefined && BigInt(message.id) <= BigInt(this.lastEventId)) continue;
        this.lastEventId = message.id;
        const event = parseFeedEvent(message);
        this.breaches.unshift({
          position: message.id,
          eventId: event.id,
          type: eventTypeOf(event),
          time: event.time,
          subject: event.subject,
          parties: event.parties ? event.parties.split(',') : [],
          severity: event.severity,
        });
        this.changed();
      }
    } catch (error) {
      this.connected = false;
      this.failure = error instanceof Error ? error.message : String(error);
      this.changed();
    }
  }

  failure?: string;
}
