export interface SseMessage {
  id: string;
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream and reconnects with Last-Event-ID when the stream drops, so the caller sees
 * each message once, in order. `connect` opens the stream from after the id given. Ends when `signal` aborts.
 */
export async function* readEventStream(
  connect: (lastEventId: string | undefined) => Promise<Response>,
  lastEventId: string | undefined,
  signal: AbortSignal,
): AsyncGenerator<SseMessage> {
  let retryMs = 1000;
  while (!signal.aborted) {
    try {
      const response = await connect(lastEventId);
      if (response.status === 401 || response.status === 403 || response.status === 400)
        throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
      if (!response.ok || !response.body) throw new Retry(`${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      let message: Partial<SseMessage> & { data?: string } = {};
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (message.data !== undefined && message.id !== undefined) {
              lastEventId = message.id;
              yield { id: message.id, event: message.event ?? 'message', data: message.data };
            }
            message = {};
          } else if (!line.startsWith(':')) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
            else if (field === 'id') message.id = value;
            else if (field === 'event') message.event = value;
            else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
          }
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof Retry) && !(error instanceof TypeError)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

class Retry extends Error {}
