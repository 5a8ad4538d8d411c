import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExportTarget {
  api: string;
  token: string;
}

const get = async (target: ExportTarget, path: string) => {
  const response = await fetch(`${target.api}${path}`, { headers: { authorization: `Bearer ${target.token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response;
};

/**
 * A full export: the latest signed checkpoint and every leaf up to its size, so that recomputing the
 * root proves completeness. Entries are written as they arrive, a page at a time.
 */
export const exportBundle = async (
  target: ExportTarget,
  out: string,
  progress: (done: number, total: number) => void = () => undefined,
) => {
  mkdirSync(out, { recursive: true });
  const note = await (await get(target, '/v1/ledger/checkpoint')).text();
  const key = await (await get(target, '/v1/ledger/key')).text();
  const [origin, sizeLine] = note.split('\n');
  const size = Number(sizeLine);
  writeFileSync(join(out, 'checkpoint'), note);
  const entries = createWriteStream(join(out, 'entries.jsonl'));
  const entriesHash = createHash('sha256');
  for (let start = 0; start < size; start += 1000) {
    const end = Math.min(size, start + 1000);
    const page = (await (await get(target, `/v1/ledger/entries?start=${start}&end=${end}`)).json()) as {
      entries: { envelope: string }[];
    };
    for (const e of page.entries) {
      const line = `${e.envelope}\n`;
      entriesHash.update(line);
      if (!entries.write(line)) await new Promise<void>((resolve) => entries.once('drain', () => resolve()));
    }
    progress(end, size);
  }
  await new Promise<void>((resolve, reject) => {
    entries.on('error', reject);
    entries.end(() => resolve());
  });
  const manifest = {
    format: 'ceasefire-ledger-export/v1',
    origin,
    size,
    verifierKey: key.trim(),
    files: { checkpoint: createHash('sha256').update(note).digest('hex'), 'entries.jsonl': entriesHash.digest('hex') },
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
};
