import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress } from './webhook-target';

// Connections are kept between deliveries; each new one is made through the guarded lookup.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface DeliveryResult {
  ok: boolean;
  code: number | null;
  latencyMs: number;
  error: string | null;
}

/** One POST: 2xx is delivered; anything else, a timeout or a refused target is a failed attempt. */
export const postWebhook = (
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<DeliveryResult> => {
  const started = performance.now();
  const done = (code: number | null, error: string | null): DeliveryResult => ({
    ok: code !== null && code >= 200 && code < 300,
    code,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve(done(null, `refused: ${host} is a private address`));
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        agent: target.protocol === 'https:' ? agents.https : agents.http,
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(done(res.statusCode ?? null, null)));
        res.on('error', (e) => resolve(done(res.statusCode ?? null, e.message)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (e) => resolve(done(null, e.message)));
    req.end(body);
  });
};
