/** C2SP tlog-proof v1: a header, the leaf index, the inclusion path, a blank line, then the signed checkpoint. */
const HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  index: number;
  path: Buffer[];
  /** The checkpoint as a signed note, with any cosignatures. */
  checkpoint: string;
  extra?: Buffer;
}

export const formatTlogProof = (p: TlogProof): string =>
  `${HEADER}\n${p.extra ? `extra ${p.extra.toString('base64')}\n` : ''}index ${p.index}\n${p.path.map((h) => `${h.toString('base64')}\n`).join('')}\n${p.checkpoint}`;

export const parseTlogProof = (text: string): TlogProof => {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error('a tlog-proof has a proof block, a blank line and a checkpoint');
  const lines = text.slice(0, split).split('\n');
  if (lines.shift() !== HEADER) throw new Error(`a tlog-proof starts with ${HEADER}`);
  let extra: Buffer | undefined;
  if (lines[0]?.startsWith('extra ')) extra = Buffer.from((lines.shift() as string).slice(6), 'base64');
  const index = /^index (0|[1-9]\d{0,15})$/.exec(lines.shift() ?? '');
  if (!index) throw new Error('a tlog-proof names its index');
  const path = lines.map((line) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.length !== 32 || hash.toString('base64') !== line) throw new Error(`not a base64 SHA-256 hash: ${line}`);
    return hash;
  });
  return { index: Number(index[1]), path, checkpoint: text.slice(split + 2), ...(extra ? { extra } : {}) };
};
