import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatTlogProof,
  formatVerifierKey,
  hashLeaf,
  inclusionPath,
  noteKeyHash,
  signNote,
  treeHash,
} from '@ceasefire/ledger';
import { rawPublicKeyOf } from '../../../../libs/ledger/src/note/note-keys';
import { inclusionCases } from '../../../../libs/ledger/src/testing/proof-verifier.cases';
import { parseVerifierKey, readSignedCheckpoint, verifyEventProof, verifyInclusion } from './browser-verifier';

const vectors = JSON.parse(
  readFileSync(join(process.cwd(), 'libs', 'ledger', 'src', 'testing', 'vectors', 'signed-note.json'), 'utf8'),
) as { verifierKey: string; text: string; signatureLine: string };

const otherKey = (name: string) => {
  const { publicKey } = generateKeyPairSync('ed25519');
  return { publicKey, keyHash: noteKeyHash(name, rawPublicKeyOf(publicKey)) };
};

// The browser's verifier answers the shared table of edge cases as the server's and the CLI's do.
describe("the console's Web Crypto verifier", () => {
  it.each(inclusionCases)('inclusion: %s', async (_name, [index, size, leaf, path, root], expected) =>
    expect(await verifyInclusion(index, size, leaf, path, root)).toBe(expected),
  );

  it('accepts the C2SP test vector signature and refuses a changed text', async () => {
    const key = await parseVerifierKey(vectors.verifierKey);
    await expect(readSignedCheckpoint(`${vectors.text}\n${vectors.signatureLine}\n`, key)).rejects.toThrow(
      /checkpoint body/,
    );
    await expect(readSignedCheckpoint(`x${vectors.text}\n${vectors.signatureLine}\n`, key)).rejects.toThrow(
      /no valid signature/,
    );
  });

  it('refuses a verifier key whose hash does not match', async () => {
    const tampered = vectors.verifierKey.replace('+c74f20a3+', '+c74f20a4+');
    await expect(parseVerifierKey(tampered)).rejects.toThrow(/hash/);
  });

  describe('an event proof', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const name = 'ceasefire-ledger.test/log';
    const signer = { name, keyHash: noteKeyHash(name, rawPublicKeyOf(publicKey)), publicKey, privateKey };
    const envelopes = Array.from({ length: 7 }, (_, i) => JSON.stringify({ eventId: `e${i}`, n: i }));
    const leaves = envelopes.map((e) => hashLeaf(Buffer.from(e)));
    const note = signNote(`${name}\n7\n${treeHash(leaves).toString('base64')}\n`, [signer]);
    const receiptOf = (index: number) =>
      formatTlogProof({ index, path: inclusionPath(leaves, index, 7), checkpoint: note });
    const input = {
      eventId: 'e5',
      receipt: receiptOf(5),
      envelope: envelopes[5],
      verifierKey: formatVerifierKey(signer),
    };

    it('passes every check for a true proof', async () => {
      const checks = await verifyEventProof(input);
      expect(checks.map((c) => c.ok)).toEqual([true, true, true, true]);
    });

    it.each([
      ['another envelope', { envelope: envelopes[4] }, 'The envelope is the event asked for'],
      ['a changed envelope', { envelope: envelopes[5].replace('5}', '6}') }, "The leaf is in the checkpoint's tree"],
      ['the path of another leaf', { receipt: receiptOf(4) }, "The leaf is in the checkpoint's tree"],
      ['a changed root', { receipt: receiptOf(5).replace(/\n7\n./, '\n7\nX') }, "The log's key signed the checkpoint"],
      ['another key', { verifierKey: formatVerifierKey({ ...signer, ...otherKey(name) }) }, "The log's key signed"],
    ])('fails on %s, naming the check', async (_name, change, failing) => {
      const checks = await verifyEventProof({ ...input, ...change });
      const failed = checks.find((c) => !c.ok);
      expect(failed?.name).toContain(failing);
      expect(checks[checks.length - 1]).toBe(failed);
    });
  });
});
