import { EventSource } from 'eventsource';

export interface Received {
  id: string;
  type: string;
  data: any;
}

/** A real EventSource client (the `eventsource` package) with a bearer token. */
export const follow = (
  url: string,
  token: string,
  onMessage: (m: Received) => void,
  headers: Record<string, string> = {},
) => {
  const source = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), ...headers, authorization: `Bearer ${token}` },
      }),
  });
  const types = new Set<string>();
  const listen = (type: string) => {
    if (types.has(type)) return;
    types.add(type);
    source.addEventListener(type, (e) => onMessage({ id: e.lastEventId, type: e.type, data: JSON.parse(e.data) }));
  };
  return { source, listen };
};
