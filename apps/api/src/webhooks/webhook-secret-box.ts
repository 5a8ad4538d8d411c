import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const SEALED = 'aes256gcm:';

/**
 * Webhook secrets at rest: AES-256-GCM under a key derived (HKDF) from the server's credential key
 * (CREDENTIAL_KEY, or DATA_DIR/credential.key), so webhooks.sqlite, or a copy of it, alone does not give
 * anyone the secrets to forge deliveries. Every process on the record derives the same key.
 */
export class WebhookSecretBox {
  private readonly key: Buffer;

  constructor(credentialKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', credentialKey, Buffer.alloc(0), 'ceasefire-ledger/webhook-secrets', 32));
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return SEALED + Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64');
  }

  isSealed(stored: string): boolean {
    return stored.startsWith(SEALED);
  }

  /** The secret; a value stored before secrets were sealed is returned as it is (and sealed at the next start). */
  open(stored: string): string {
    if (!this.isSealed(stored)) return stored;
    const bytes = Buffer.from(stored.slice(SEALED.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
