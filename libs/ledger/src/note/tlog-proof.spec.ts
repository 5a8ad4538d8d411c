import { formatTlogProof, parseTlogProof } from './tlog-proof';

describe('C2SP tlog-proof', () => {
  const proof = {
    index: 73894,
    path: [Buffer.alloc(32, 1), Buffer.alloc(32, 2)],
    checkpoint: 'example.com/log\n3\nAAAA\n\n— example.com/log sig\n',
  };

  it('round-trips index, path, checkpoint and extra data', () => {
    const text = formatTlogProof({ ...proof, extra: Buffer.from('hello') });
    expect(text.startsWith('c2sp.org/tlog-proof@v1\nextra aGVsbG8=\nindex 73894\n')).toBe(true);
    expect(parseTlogProof(text)).toEqual({ ...proof, extra: Buffer.from('hello') });
    expect(parseTlogProof(formatTlogProof(proof))).toEqual(proof);
  });

  it.each([
    ['a wrong header', 'c2sp.org/tlog-proof@v2\nindex 1\n\nx'],
    ['no index', 'c2sp.org/tlog-proof@v1\n\nx'],
    ['a short hash', 'c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nx'],
    ['no checkpoint block', 'c2sp.org/tlog-proof@v1\nindex 1\n'],
  ])('rejects %s', (_name, text) => expect(() => parseTlogProof(text)).toThrow());
});
