import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCredentialKey, tokenVerifier, verifiersOf } from './credential-key';

describe('credential key', () => {
  it('is generated once per data directory and kept, so verifiers survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credential-'));
    const key = loadCredentialKey(dir, {});
    expect(loadCredentialKey(dir, {}).equals(key)).toBe(true);
    expect(tokenVerifier(key, 't')).toBe(tokenVerifier(loadCredentialKey(dir, {}), 't'));
  });
  it('makes a verifier no one without the key can compute, and still knows the older plain hashes', () => {
    const a = loadCredentialKey(mkdtempSync(join(tmpdir(), 'credential-')), {});
    const b = loadCredentialKey(mkdtempSync(join(tmpdir(), 'credential-')), {});
    expect(tokenVerifier(a, 'token')).not.toBe(tokenVerifier(b, 'token'));
    expect(verifiersOf(a, 'token')[1]).toBe('sha256:3c469e9d6c5875d37a43f353d4f88e61fcf812c66eee3457465a40b0da4153e0');
  });
  it('refuses a short CREDENTIAL_KEY', () =>
    expect(() => loadCredentialKey(':memory:', { CREDENTIAL_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/));
});
