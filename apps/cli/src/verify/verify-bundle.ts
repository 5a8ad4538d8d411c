import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import canonicalize from 'canonicalize';
import { leafHashOf, RootBuilder } from './offline-merkle';
import { type PinnedKey, parseKey, readCheckpoint, verifiedText } from './offline-note';

export interface VerifyReport {
  ok: boolean;
  origin?: string;
  size?: number;
  streams?: number;
  problems: string[];
  warnings: string[];
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const ZERO = '0'.repeat(64);

/**
 * Checks an export bundle with nothing but its files and a pinned key: the file digests, the
 * checkpoint's signature, that every entry is canonical JSON, that the entries' tree has the signed
 * root (so none was altered, reordered, added or dropped), and that every stream's prevHash chain holds.
 */
export const verifyBundle = async (
  dir: string,
  pinnedKey?: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<VerifyReport> => {
  const problems: string[] = [];
  const warnings: string[] = [];
  const fail = (problem: string): VerifyReport => ({ ok: false, problems: [...problems, problem], warnings });
  let manifest: { format: string; files: Record<string, string>; verifierKey: string };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return fail('manifest.json is missing or not JSON');
  }
  if (manifest.format !== 'ceasefire-ledger-export/v1') return fail(`unknown bundle format ${manifest.format}`);
  for (const [file, expected] of Object.entries(manifest.files ?? {})) {
    try {
      if (digest(join(dir, file)) !== expected) problems.push(`${file}: its SHA-256 differs from the manifest`);
    } catch {
      problems.push(`${file}: missing`);
    }
  }
  let key: PinnedKey;
  try {
    key = parseKey(pinnedKey ?? manifest.verifierKey);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (!pinnedKey)
    warnings.push(
      'no key was pinned with --key: the bundle was checked against the key it carries, which proves consistency, not origin',
    );
  let checkpoint: ReturnType<typeof readCheckpoint>;
  try {
    checkpoint = readCheckpoint(verifiedText(readFileSync(join(dir, 'checkpoint'), 'utf8'), key));
  } catch (error) {
    return fail((error as Error).message);
  }

  const tree = new RootBuilder();
  const tails = new Map<string, { revision: number; hash: string }>();
  const lines = createInterface({ input: createReadStream(join(dir, 'entries.jsonl'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const index = tree.count;
    let envelope: { stream: string; revision: number; prevHash: string };
    try {
      envelope = JSON.parse(line) as typeof envelope;
    } catch {
      problems.push(`entry ${index}: not JSON`);
      tree.add(leafHashOf(Buffer.from(line, 'utf8')));
      continue;
    }
    if (canonicalize(envelope) !== line) problems.push(`entry ${index}: not in RFC 8785 canonical form`);
    const hash = leafHashOf(Buffer.from(line, 'utf8'));
    tree.add(hash);
    const tail = tails.get(envelope.stream);
    const expected = tail ? { revision: tail.revision + 1, prevHash: tail.hash } : { revision: 0, prevHash: ZERO };
    if (envelope.revision !== expected.revision || envelope.prevHash !== expected.prevHash)
      problems.push(`entry ${index}: ${envelope.stream}@${envelope.revision} does not follow its stream's chain`);
    tails.set(envelope.stream, { revision: envelope.revision, hash: hash.toString('hex') });
    if (tree.count % 1000 === 0) progress(tree.count, checkpoint.size);
  }
  progress(tree.count, checkpoint.size);
  if (tree.count !== checkpoint.size)
    problems.push(`the bundle has ${tree.count} entries; the checkpoint signs ${checkpoint.size}`);
  else if (!tree.root().equals(checkpoint.root))
    problems.push('the entries do not give the signed root: something was altered, reordered or dropped');
  return {
    ok: problems.length === 0,
    origin: checkpoint.origin,
    size: checkpoint.size,
    streams: tails.size,
    problems,
    warnings,
  };
};
