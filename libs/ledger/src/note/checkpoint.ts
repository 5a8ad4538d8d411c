/** C2SP tlog-checkpoint body: origin, tree size, base64 root hash, each on its own line, then optional extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  extensions?: string[];
}

export const formatCheckpoint = (c: Checkpoint): string =>
  `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n${(c.extensions ?? []).map((e) => `${e}\n`).join('')}`;

export const parseCheckpoint = (text: string): Checkpoint => {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '')
    throw new Error('a checkpoint has origin, size and root lines');
  const [origin, size, root, ...extensions] = lines.slice(0, -1);
  if (!origin || !/^(0|[1-9]\d{0,15})$/.test(size)) throw new Error('malformed checkpoint origin or size');
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) throw new Error('malformed checkpoint root');
  return { origin, size: Number(size), root: hash, extensions };
};
