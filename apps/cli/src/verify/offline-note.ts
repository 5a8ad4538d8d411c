import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

/* The verifier's own C2SP signed-note, checkpoint, cosignature and tlog-proof reading: nothing shared with the server's code. */

const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface PinnedKey {
  name: string;
  keyHash: Buffer;
  publicKey: KeyObject;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  /** The note's text: the body every signature and cosignature covers. */
  body: string;
}

/** A C2SP verifier key `<name>+<hex key hash>+<base64(type ‖ key)>` of the given signature type. */
const parseVerifierKey = (text: string, type: number, what: string): PinnedKey => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error(`the ${what} is not a C2SP verifier key (<name>+<hash>+<base64 key>)`);
  const bytes = Buffer.from(match[3], 'base64');
  if (bytes.length !== 33 || bytes[0] !== type) throw new Error(`the ${what} is not an Ed25519 key of type 0x0${type}`);
  const hash = createHash('sha256').update(`${match[1]}\n`).update(bytes).digest().subarray(0, 4);
  if (hash.toString('hex') !== match[2]) throw new Error(`the ${what}'s hash does not match its key`);
  const spki = Buffer.concat([SPKI_ED25519, bytes.subarray(1)]);
  return { name: match[1], keyHash: hash, publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }) };
};

export const parseKey = (text: string): PinnedKey => parseVerifierKey(text, ED25519, 'log key');
export const parseWitnessKey = (text: string): PinnedKey => parseVerifierKey(text, COSIGNATURE_V1, 'witness key');

const splitNote = (note: string) => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('the checkpoint is not a signed note');
  const lines = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean)
    .map((line) => /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], bytes: Buffer.from(m[2], 'base64') }));
  return { text: note.slice(0, split + 1), lines };
};

/** The checkpoint if a signature line by the log `key` verifies over the note's text; otherwise an error saying why. */
export const readSignedCheckpoint = (note: string, key: PinnedKey): Checkpoint => {
  const { text, lines } = splitNote(note);
  const signed = lines.some(
    (l) =>
      l.name === key.name &&
      l.bytes.subarray(0, 4).equals(key.keyHash) &&
      verify(null, Buffer.from(text), key.publicKey, l.bytes.subarray(4)),
  );
  if (!signed) throw new Error(`no valid signature by ${key.name} on the checkpoint`);
  const [origin, size, root] = text.split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || Buffer.from(root ?? '', 'base64').length !== 32)
    throw new Error('the checkpoint body is not origin, size, root');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64'), body: text };
};

/**
 * The witnesses whose C2SP tlog-cosignature/v1 line on the note verifies: each signs
 * "cosignature/v1\ntime <t>\n" ‖ body, and the line carries key hash ‖ t (8 bytes, big-endian) ‖ signature.
 */
export const cosignersOf = (note: string, witnesses: PinnedKey[]): string[] => {
  const { text, lines } = splitNote(note);
  return witnesses
    .filter((w) =>
      lines.some((l) => {
        if (l.name !== w.name || l.bytes.length !== 76 || !l.bytes.subarray(0, 4).equals(w.keyHash)) return false;
        const time = l.bytes.readBigUInt64BE(4);
        return verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${text}`), w.publicKey, l.bytes.subarray(12));
      }),
    )
    .map((w) => w.name);
};

/** C2SP tlog-proof v1: header, optional extra, `index N`, the path, a blank line, the checkpoint note. */
export const readTlogProof = (text: string): { index: number; path: Buffer[]; note: string } => {
  const split = text.indexOf('\n\n');
  const lines = split < 0 ? [] : text.slice(0, split).split('\n');
  if (lines.shift() !== 'c2sp.org/tlog-proof@v1') throw new Error('not a c2sp.org/tlog-proof@v1 file');
  if (lines[0]?.startsWith('extra ')) lines.shift();
  const index = /^index (0|[1-9]\d{0,15})$/.exec(lines.shift() ?? '');
  if (!index) throw new Error('the tlog-proof has no index line');
  const path = lines.map((line) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.length !== 32) throw new Error(`the tlog-proof path has a line that is not a hash: ${line}`);
    return hash;
  });
  return { index: Number(index[1]), path, note: text.slice(split + 2) };
};
