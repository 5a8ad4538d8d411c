import { sign, verify } from 'node:crypto';
import type { NoteSigner, NoteVerifier } from './note-keys';

/** The em dash and space that open every signature line (C2SP signed-note). */
const PREFIX = '\u2014 ';

export interface NoteSignature {
  name: string;
  keyHash: Buffer;
  signature: Buffer;
}

/** C2SP signed-note: one signature line over the note text (which must end in a newline). */
export const signatureLine = (text: string, signer: NoteSigner): string => {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${PREFIX}${signer.name} ${Buffer.concat([signer.keyHash, signature]).toString('base64')}\n`;
};

/** Text, blank line, signature lines. */
export const signNote = (text: string, signers: NoteSigner[]): string =>
  `${text}\n${signers.map((s) => signatureLine(text, s)).join('')}`;

/** Splits a signed note into its text and signature lines; throws on anything malformed. */
export const parseNote = (note: string): { text: string; signatures: NoteSignature[] } => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('a signed note is text, a blank line, then signature lines');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line): NoteSignature => {
      const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
      if (!match) throw new Error(`malformed signature line: ${line}`);
      const bytes = Buffer.from(match[2], 'base64');
      if (bytes.length < 5) throw new Error('signature too short');
      return { name: match[1], keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  return { text, signatures };
};

/** True when some signature in the note is by this verifier's key and verifies over the text. */
export const verifyNote = (note: string, verifier: NoteVerifier): boolean => {
  const { text, signatures } = parseNote(note);
  return signatures.some(
    (s) =>
      s.name === verifier.name &&
      s.keyHash.equals(verifier.keyHash) &&
      verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, s.signature),
  );
};
