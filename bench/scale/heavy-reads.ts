/**
 * The load of bench:scale's /health measurement, in a process of its own so that the prober's timings
 * are the server's and not this client's: 8 loops, each repeating one heavy read until killed.
 * argv[2]: JSON { base, token, paths: string[] } — a path starting "sse:" is an SSE catch-up of 1,000 events.
 */
const { base, token, paths } = JSON.parse(process.argv[2]) as { base: string; token: string; paths: string[] };
const headers = { authorization: `Bearer ${token}` };

const read = async (path: string) => {
  if (!path.startsWith('sse:')) return void (await (await fetch(`${base}${path}`, { headers })).arrayBuffer());
  const abort = new AbortController();
  const reply = await fetch(`${base}${path.slice(4)}`, { headers, signal: abort.signal });
  let seen = 0;
  try {
    for await (const chunk of reply.body as unknown as AsyncIterable<Uint8Array>) {
      seen += Buffer.from(chunk).toString().split('\nid: ').length - 1;
      if (seen >= 1000) break;
    }
  } catch {
    /* aborted */
  } finally {
    abort.abort();
  }
};

for (let i = 0; i < 8; i++)
  void (async () => {
    for (;;) await read(paths[i % paths.length]).catch(() => undefined);
  })();
