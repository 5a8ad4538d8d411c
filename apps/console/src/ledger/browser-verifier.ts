/*
 * The console's own verifier: it trusts the browser's Web Crypto (SHA-256, Ed25519) and nothing the
 * server says about itself. It shares no code with the server or the CLI, so an auditor can read it alone
 * against RFC 9162 §2.1 and C2SP signed-note / tlog-proof.
 */

const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();

export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const sha256 = async (...parts: Uint8Array[]): Promise<Uint8Array> =>
  new Uint8Array(await subtle.digest('SHA-256', concat(...parts)));

/** RFC 9162 §2.1.1: leaf hash SHA-256(0x00 ‖ entry). */
export const leafHashOf = (entry: string): Promise<Uint8Array> => sha256(new Uint8Array([0]), utf8.encode(entry));
const nodeHashOf = (left: Uint8Array, right: Uint8Array) => sha256(new Uint8Array([1]), left, right);

/** RFC 9162 §2.1.3.2: does `path` prove leaf `index` (hash `leaf`) is in the tree of `size` leaves with `root`? */
export const verifyInclusion = async (
  index: number,
  size: number,
  leaf: Uint8Array,
  path: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHashOf(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = await nodeHashOf(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
};

export interface VerifierKey {
  name: string;
  keyHash: Uint8Array;
  key: CryptoKey;
}

/** A C2SP verifier key `<name>+<hex key hash>+<base64(0x01 ‖ Ed25519 key)>`, its hash checked. */
export const parseVerifierKey = async (text: string): Promise<VerifierKey> => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) throw new Error('not a C2SP verifier key (<name>+<hash>+<base64 key>)');
  const bytes = fromBase64(match[3]);
  if (bytes.length !== 33 || bytes[0] !== 0x01) throw new Error('not an Ed25519 verifier key');
  const keyHash = (await sha256(utf8.encode(`${match[1]}\n`), bytes)).subarray(0, 4);
  if (toHex(keyHash) !== match[2]) throw new Error("the key's hash does not match the key");
  const key = await subtle.importKey('raw', bytes.slice(1), { name: 'Ed25519' }, false, ['verify']);
  return { name: match[1], keyHash, key };
};

export interface SignedCheckpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

/** The checkpoint of a C2SP signed note, if a signature line by `key` verifies over the note's text. */
export const readSignedCheckpoint = async (note: string, key: VerifierKey): Promise<SignedCheckpoint> => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('the checkpoint is not a signed note');
  const text = note.slice(0, split + 1);
  let signed = false;
  for (const line of note.slice(split + 2).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m || m[1] !== key.name) continue;
    const bytes = fromBase64(m[2]);
    if (bytes.length !== 68 || !equal(bytes.subarray(0, 4), key.keyHash)) continue;
    if (await subtle.verify('Ed25519', key.key, bytes.slice(4), utf8.encode(text))) signed = true;
  }
  if (!signed) throw new Error(`no valid signature by ${key.name} on the checkpoint`);
  const [origin, size, root] = text.split('\n');
  if (!origin || !/^\d+$/.test(size ?? '') || fromBase64(root ?? '').length !== 32)
    throw new Error('the checkpoint body is not origin, size, root');
  return { origin, size: Number(size), root: fromBase64(root) };
};

/** C2SP tlog-proof v1: header, optional extra, `index N`, the path, a blank line, the checkpoint note. */
export const readTlogProof = (text: string): { index: number; path: Uint8Array[]; note: string } => {
  const split = text.indexOf('\n\n');
  const lines = split < 0 ? [] : text.slice(0, split).split('\n');
  if (lines.shift() !== 'c2sp.org/tlog-proof@v1') throw new Error('not a c2sp.org/tlog-proof@v1 receipt');
  if (lines[0]?.startsWith('extra ')) lines.shift();
  const index = /^index (0|[1-9]\d{0,15})$/.exec(lines.shift() ?? '');
  if (!index) throw new Error('the receipt has no index line');
  const path = lines.map((line) => {
    const hash = fromBase64(line);
    if (hash.length !== 32) throw new Error(`the receipt's path has a line that is not a hash: ${line}`);
    return hash;
  });
  return { index: Number(index[1]), path, note: text.slice(split + 2) };
};

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface EventProofInput {
  eventId: string;
  /** The event's receipt (GET /v1/events/{id}/receipt). */
  receipt: string;
  /** The leaf's canonical envelope as the ledger lists it (GET /v1/ledger/entries). */
  envelope: string;
  /** The log's verifier key, pinned by the auditor or as the server states it. */
  verifierKey: string;
}

/**
 * Each check an auditor would make, in order, stopping at the first that fails: the envelope is the event
 * asked for; its leaf hash with the receipt's path gives the checkpoint's root; the log's key signed that checkpoint.
 */
export const verifyEventProof = async (input: EventProofInput): Promise<Check[]> => {
  const checks: Check[] = [];
  const run = async (name: string, check: () => Promise<string>): Promise<boolean> => {
    try {
      checks.push({ name, ok: true, detail: await check() });
      return true;
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  let proof: ReturnType<typeof readTlogProof> | undefined;
  let key: VerifierKey | undefined;
  let checkpoint: SignedCheckpoint | undefined;
  let leaf: Uint8Array | undefined;
  const ok =
    (await run('The envelope is the event asked for', async () => {
      const envelope = JSON.parse(input.envelope) as { eventId?: string };
      if (envelope.eventId !== input.eventId) throw new Error(`the envelope is event ${envelope.eventId}`);
      leaf = await leafHashOf(input.envelope);
      return `leaf hash ${toHex(leaf)}`;
    })) &&
    (await run('The receipt reads as a C2SP tlog-proof', async () => {
      proof = readTlogProof(input.receipt);
      return `leaf ${proof.index}, a path of ${proof.path.length} hashes`;
    })) &&
    (await run("The log's key signed the checkpoint (Ed25519)", async () => {
      key = await parseVerifierKey(input.verifierKey);
      checkpoint = await readSignedCheckpoint(proof!.note, key);
      return `${checkpoint.origin}, ${checkpoint.size} leaves, signed by ${key.name}`;
    })) &&
    (await run("The leaf is in the checkpoint's tree (RFC 9162 inclusion)", async () => {
      if (!(await verifyInclusion(proof!.index, checkpoint!.size, leaf!, proof!.path, checkpoint!.root)))
        throw new Error(`the path does not lead from leaf ${proof!.index} to the checkpoint's root`);
      return `root ${toHex(checkpoint!.root).slice(0, 16)}… reached from leaf ${proof!.index}`;
    }));
  void ok;
  return checks;
};
