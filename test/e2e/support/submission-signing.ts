import { type KeyObject, randomUUID, sign } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The headers of a party's signed request, as a party's client makes them: an Ed25519 signature over
 * "ceasefire-submission/v2\n" ‖ JCS({method, target, created, idempotencyKey, body}).
 */
export const signedHeaders = (
  request: { method?: string; target: string; body: unknown; idempotencyKey?: string; created?: number },
  keyId: string,
  privateKey: KeyObject,
): Record<string, string> => {
  const idempotencyKey = request.idempotencyKey ?? randomUUID();
  const created = request.created ?? Math.floor(Date.now() / 1000);
  const context = {
    method: request.method ?? 'POST',
    target: request.target,
    created,
    idempotencyKey,
    body: request.body,
  };
  const message = Buffer.concat([
    Buffer.from('ceasefire-submission/v2\n'),
    Buffer.from(canonicalize(context) as string),
  ]);
  return {
    'idempotency-key': idempotencyKey,
    'submission-signature': `keyId=${keyId}, created=${created}, sig=${sign(null, message, privateKey).toString('base64')}`,
  };
};
