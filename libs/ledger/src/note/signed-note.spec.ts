import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { formatVerifierKey, noteKeyHash, parseSignerKey, parseVerifierKey, rawPublicKeyOf } from './note-keys';
import { parseNote, signatureLine, signNote, verifyNote } from './signed-note';

const vector = JSON.parse(
  readFileSync(join(process.cwd(), 'libs', 'ledger', 'src', 'testing', 'vectors', 'signed-note.json'), 'utf8'),
) as {
  verifierKey: string;
  signerKey: string;
  text: string;
  signatureLine: string;
};

describe('C2SP signed note (Ed25519)', () => {
  it('reproduces the public vector: same key hash, same (deterministic) signature line, and it verifies', () => {
    const signer = parseSignerKey(vector.signerKey);
    const verifier = parseVerifierKey(vector.verifierKey);
    expect(formatVerifierKey(signer)).toBe(vector.verifierKey);
    expect(signatureLine(vector.text, signer)).toBe(`${vector.signatureLine}\n`);
    expect(verifyNote(`${vector.text}\n${vector.signatureLine}\n`, verifier)).toBe(true);
  });

  it('rejects an altered text, a foreign key and a tampered signature', () => {
    const verifier = parseVerifierKey(vector.verifierKey);
    expect(
      verifyNote(`${vector.text.replace('cryptography', 'cryptographY')}\n${vector.signatureLine}\n`, verifier),
    ).toBe(false);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const other = { name: 'Other', keyHash: noteKeyHash('Other', rawPublicKeyOf(publicKey)), publicKey, privateKey };
    expect(verifyNote(signNote(vector.text, [other]), verifier)).toBe(false);
    const bytes = Buffer.from(vector.signatureLine.split(' ')[2], 'base64');
    bytes[10] ^= 1;
    expect(verifyNote(`${vector.text}\n\u2014 PeterNeumann ${bytes.toString('base64')}\n`, verifier)).toBe(false);
  });

  it('rejects keys whose named hash does not match', () => {
    expect(() => parseVerifierKey(vector.verifierKey.replace('+c74f20a3+', '+c74f20a4+'))).toThrow(/hash/);
  });

  it('carries several signatures (witness cosigners) and verifies each by its own key', () => {
    const make = (name: string) => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      return { name, keyHash: noteKeyHash(name, rawPublicKeyOf(publicKey)), publicKey, privateKey };
    };
    const [log, witness] = [make('ceasefire.example/log'), make('mediator.tr')];
    const note = signNote(formatCheckpoint({ origin: 'ceasefire.example/log', size: 3, root: Buffer.alloc(32, 7) }), [
      log,
      witness,
    ]);
    expect(parseNote(note).signatures.map((s) => s.name)).toEqual(['ceasefire.example/log', 'mediator.tr']);
    expect(verifyNote(note, log)).toBe(true);
    expect(verifyNote(note, witness)).toBe(true);
  });
});

describe('C2SP tlog-checkpoint', () => {
  it('round-trips origin, size, root and extension lines', () => {
    const c = { origin: 'ceasefire.example/log', size: 42, root: Buffer.alloc(32, 1), extensions: ['ext one'] };
    expect(formatCheckpoint(c)).toBe(`ceasefire.example/log\n42\n${Buffer.alloc(32, 1).toString('base64')}\next one\n`);
    expect(parseCheckpoint(formatCheckpoint(c))).toEqual(c);
  });

  it.each([
    ['no trailing newline', 'o\n1\nAAAA'],
    ['a size with a leading zero', `o\n01\n${Buffer.alloc(32).toString('base64')}\n`],
    ['a short root', 'o\n1\nAAAA\n'],
  ])('rejects %s', (_name, text) => expect(() => parseCheckpoint(text)).toThrow());
});
