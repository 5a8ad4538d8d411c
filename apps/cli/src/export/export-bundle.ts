import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiClient, createApiClient, must } from '@ceasefire/api-client';

export interface ExportTarget {
  api: string;
  token: string;
}

/** An agreement's streams and/or the log from a size on; omitted, the export is every leaf. */
export interface ExportSelection {
  agreement?: string;
  fromSize?: number;
  /** The record as it stood when the checkpoint of this size was signed (else the latest checkpoint's). */
  atSize?: number;
}

const text = { parseAs: 'text' } as const;

/** Streams every selective bundle keeps whole: who each principal is and each party's keys, to check signatures. */
const isRegistry = (stream: string) =>
  stream.startsWith('principal-') || stream.startsWith('partykeys-') || stream.startsWith('partykey-');

/**
 * A bundle: the latest signed checkpoint (or the one of `atSize`, with cosignatures), the leaves it covers as canonical envelopes,
 * and a manifest of file digests. A full bundle is every leaf, so recomputing the root proves
 * completeness; a selective one carries a tlog-proof receipt per entry and, from `fromSize`, a
 * consistency proof to the checkpoint the auditor already holds.
 */
export const exportBundle = async (
  target: ExportTarget,
  out: string,
  selection: ExportSelection = {},
  progress: (done: number, total: number) => void = () => undefined,
) => {
  mkdirSync(out, { recursive: true });
  const api: ApiClient = createApiClient({ baseUrl: target.api, token: target.token });
  const note = await must(
    selection.atSize === undefined
      ? api.GET('/v1/ledger/checkpoint', text)
      : api.GET('/v1/ledger/checkpoints/{size}', { params: { path: { size: selection.atSize } }, ...text }),
  );
  const key = await must(api.GET('/v1/ledger/key', text));
  const [origin, sizeLine] = note.split('\n');
  const size = Number(sizeLine);
  const fromSize = selection.fromSize ?? 0;
  if (fromSize > size) throw new Error(`--from-size ${fromSize} is beyond the checkpoint's ${size} leaves`);
  // Every leaf up to an earlier checkpoint is still a full bundle: its root proves none of them is missing.
  const selective = selection.agreement !== undefined || fromSize > 0;
  const files: Record<string, string> = {};
  const write = (file: string, text: string) => {
    writeFileSync(join(out, file), text);
    files[file] = createHash('sha256').update(text).digest('hex');
  };
  write('checkpoint', note);

  const entries = createWriteStream(join(out, 'entries.jsonl'));
  const entriesHash = createHash('sha256');
  const selectedStreams = new Set<string>();
  const selected: { index: number; eventId: string }[] = [];
  const keep = (index: number, envelope: string): { eventId: string } | undefined => {
    if (!selective) return { eventId: '' };
    const e = JSON.parse(envelope) as { stream: string; eventId: string; data: { agreementId?: string } };
    const ofAgreement =
      selection.agreement === undefined ||
      e.stream === `agreement-${selection.agreement}` ||
      e.data.agreementId === selection.agreement ||
      selectedStreams.has(e.stream);
    if (ofAgreement && !isRegistry(e.stream)) selectedStreams.add(e.stream);
    return isRegistry(e.stream) || (ofAgreement && index >= fromSize) ? e : undefined;
  };
  for (let start = 0; start < size; start += 1000) {
    const end = Math.min(size, start + 1000);
    const page = await must(api.GET('/v1/ledger/entries', { params: { query: { start, end } } }));
    for (const e of page.entries) {
      if ('withheld' in e) {
        // Withheld from this audience: a full bundle carries its hash and place, so the root and chains still check.
        if (selective) continue;
        const line = `${JSON.stringify({ withheld: { leafHash: e.leafHash, reason: e.withheld.reason, revision: e.withheld.revision, stream: e.withheld.stream } })}\n`;
        entriesHash.update(line);
        if (!entries.write(line)) await new Promise<void>((resolve) => entries.once('drain', () => resolve()));
        continue;
      }
      const kept = keep(e.index, e.envelope);
      if (!kept) continue;
      if (selective) selected.push({ index: e.index, eventId: kept.eventId });
      const line = `${e.envelope}\n`;
      entriesHash.update(line);
      if (!entries.write(line)) await new Promise<void>((resolve) => entries.once('drain', () => resolve()));
    }
    progress(selective ? end / 2 : end, size);
  }
  await new Promise<void>((resolve, reject) => {
    entries.on('error', reject);
    entries.end(() => resolve());
  });
  files['entries.jsonl'] = entriesHash.digest('hex');

  if (selective) {
    mkdirSync(join(out, 'receipts'), { recursive: true });
    let done = 0;
    const receipt = async ({ index, eventId }: { index: number; eventId: string }) => {
      const proof = await must(api.GET('/v1/ledger/proofs/inclusion', { params: { query: { index, size } } }));
      write(
        `receipts/${eventId}.tlog-proof`,
        `c2sp.org/tlog-proof@v1\nindex ${index}\n${proof.hashes.map((h) => `${h}\n`).join('')}\n${note}`,
      );
      done += 1;
      progress(size / 2 + (done / selected.length) * (size / 2), size);
    };
    for (let i = 0; i < selected.length; i += 8) await Promise.all(selected.slice(i, i + 8).map(receipt));
    if (fromSize > 0)
      write(
        'consistency.json',
        `${JSON.stringify(await must(api.GET('/v1/ledger/proofs/consistency', { params: { query: { from: fromSize, to: size } } })))}\n`,
      );
  }
  const manifest = {
    format: 'ceasefire-ledger-export/v1',
    origin,
    size,
    verifierKey: key.trim(),
    ...(selective ? { selection: { agreement: selection.agreement, fromSize } } : {}),
    files,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, entries: selective ? selected.length : size };
};
