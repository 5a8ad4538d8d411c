import { generateKeyPairSync, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { formatCheckpoint, formatVerifierKey, noteKeyHash, signNote } from '@ceasefire/ledger';
import { checkCheckpoint } from './checkpoint-checks';
import { leafHashOf, RootBuilder } from './offline-merkle';
import { verifyLog } from './verify-log';

/* The full-log path across several batches: joins between batches, subtrees, roots inside a batch. */
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const name = 'test.example/log';
const signer = {
  name,
  keyHash: noteKeyHash(name, publicKey.export({ format: 'der', type: 'spki' }).subarray(12)),
  publicKey,
  privateKey,
};
const key = formatVerifierKey(signer);

const log = (count: number, streams: number): string[] => {
  const tails = new Map<string, { revision: number; hash: string }>();
  return Array.from({ length: count }, (_, i) => {
    const stream = `incident-${(i * 7) % streams}`;
    const tail = tails.get(stream);
    const line = canonicalize({
      v: 1,
      stream,
      revision: tail ? tail.revision + 1 : 0,
      eventId: randomUUID(),
      type: 'EvidenceRegistered',
      data: { n: i },
      metadata: { principal: 'p' },
      prevHash: tail?.hash ?? '0'.repeat(64),
    }) as string;
    tails.set(stream, { revision: tail ? tail.revision + 1 : 0, hash: leafHashOf(line).toString('hex') });
    return line;
  });
};

const checkpointOf = (lines: string[], size = lines.length) => {
  const tree = new RootBuilder();
  lines.slice(0, size).forEach((l) => tree.add(leafHashOf(l)));
  return signNote(formatCheckpoint({ origin: name, size, root: tree.root() }), [signer]);
};

async function* source(lines: string[]) {
  for (const l of lines) yield Buffer.from(l);
}

const verify = (lines: string[], note: string, since: string[] = []) =>
  verifyLog(source(lines), checkCheckpoint(note, { key, since }), () => undefined);

describe('verifying a whole log in batches', () => {
  const lines = log(5000, 300);
  const note = checkpointOf(lines);

  it('accepts an intact log, and proves it extends held checkpoints of any size', async () => {
    const summary = await verify(lines, note, [checkpointOf(lines, 2500), checkpointOf(lines, 4096)]);
    expect(summary).toMatchObject({ entries: 5000, streams: 300, unsigned: 0 });
  });

  it('names the first broken link when it lies in a later batch', async () => {
    const dropped = [...lines.slice(0, 3000), ...lines.slice(3001)];
    const removed = JSON.parse(lines[3000]) as { stream: string; revision: number };
    const next = lines.findIndex((l, i) => i > 3000 && l.includes(`"stream":"${removed.stream}"`));
    await expect(verify(dropped, note)).rejects.toMatchObject({
      message: expect.stringMatching(/revision follows/),
      place: { entry: next - 1, stream: removed.stream, revision: removed.revision + 1 },
    });
  });

  it('reports the earliest failure when two batches fail', async () => {
    const broken = [...lines];
    broken[4500] = broken[4500].replace('"n":4500', '"n":1');
    broken[2100] = ` ${broken[2100]}`;
    await expect(verify(broken, note)).rejects.toMatchObject({
      message: expect.stringMatching(/canonical/),
      place: { entry: 2100 },
    });
  });

  it('catches a rewritten prefix against a held checkpoint, and a dropped tail', async () => {
    const altered = [...lines];
    altered[10] = lines[11];
    altered[11] = lines[10];
    await expect(verify(altered, note, [checkpointOf(lines, 2500)])).rejects.toThrow(/history was rewritten/);
    await expect(verify(lines.slice(0, 4999), note)).rejects.toThrow(/the tail was dropped/);
    const forgedTail = checkpointOf([...lines.slice(0, 4000), ...log(1000, 300)]);
    await expect(verify(lines, forgedTail, [checkpointOf(lines, 2500)])).rejects.toThrow(/signed root/);
  });
});
