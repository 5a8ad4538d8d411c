import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminTokenHash, sha256Hex } from './admin-token';

const dir = () => mkdtempSync(join(tmpdir(), 'admin-token-'));
const strong = 'Zq8-vN3_pL0.wR7~xT2+yK5/mB9=cD4aE6fG';

describe('bootstrap admin token', () => {
  it('refuses a short, repetitive or malformed ADMIN_TOKEN at start, saying why', () => {
    const announce = jest.fn<(token: string) => void>();
    expect(() => adminTokenHash(dir(), { ADMIN_TOKEN: 'secret' }, announce, false)).toThrow(/at least 32/);
    expect(() => adminTokenHash(dir(), { ADMIN_TOKEN: 'a'.repeat(40) }, announce, false)).toThrow(/repetitive/);
    expect(() => adminTokenHash(dir(), { ADMIN_TOKEN: `${strong} with spaces` }, announce, false)).toThrow(
      /only letters/,
    );
    expect(announce).not.toHaveBeenCalled();
  });

  it('keeps the hash of ADMIN_TOKEN, so a restart without it is the same admin, not a new one', () => {
    const d = dir();
    const announce = jest.fn<(token: string) => void>();
    expect(adminTokenHash(d, { ADMIN_TOKEN: strong }, announce, false)).toBe(sha256Hex(strong));
    expect(adminTokenHash(d, {}, announce, true)).toBe(sha256Hex(strong));
    expect(announce).not.toHaveBeenCalled();
  });

  it('mints and prints a token only for a data directory that keeps no record yet', () => {
    const fresh = dir();
    const announce = jest.fn<(token: string) => void>();
    const hash = adminTokenHash(fresh, {}, announce, false);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(hash).toBe(sha256Hex(announce.mock.calls[0][0] as string));
    expect(adminTokenHash(fresh, {}, announce, true)).toBe(hash);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(() => adminTokenHash(dir(), {}, announce, true)).toThrow(/keeps a record but no admin token/);
  });
});
