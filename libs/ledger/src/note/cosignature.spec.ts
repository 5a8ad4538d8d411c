import { generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint } from './checkpoint';
import { cosign, formatCosignerKey, parseCosignerKey, verifyCosignature } from './cosignature';

describe('C2SP tlog-cosignature v1 (Ed25519)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const body = formatCheckpoint({ origin: 'ceasefire.example/log', size: 7, root: Buffer.alloc(32, 9) });
  const cosigner = parseCosignerKey(formatCosignerKey('mediator.tr', publicKey));

  it('verifies a cosignature and returns its timestamp', () => {
    expect(verifyCosignature(cosign(body, 'mediator.tr', privateKey, 1_700_000_000), body, cosigner)).toBe(
      1_700_000_000,
    );
  });

  it('rejects another body, another name, a changed timestamp and a signature-type-0x01 key', () => {
    const line = cosign(body, 'mediator.tr', privateKey, 1_700_000_000);
    expect(verifyCosignature(line, body.replace('\n7\n', '\n8\n'), cosigner)).toBeUndefined();
    expect(verifyCosignature(line.replace('mediator.tr', 'mediator.qa'), body, cosigner)).toBeUndefined();
    const bytes = Buffer.from(line.trim().split(' ')[2], 'base64');
    bytes[11] ^= 1;
    expect(verifyCosignature(`\u2014 mediator.tr ${bytes.toString('base64')}\n`, body, cosigner)).toBeUndefined();
    const key = formatCosignerKey('mediator.tr', publicKey).split('+');
    const asNoteKey = Buffer.from(key[2], 'base64');
    asNoteKey[0] = 0x01;
    expect(() => parseCosignerKey(`${key[0]}+${key[1]}+${asNoteKey.toString('base64')}`)).toThrow(/0x04/);
  });
});
