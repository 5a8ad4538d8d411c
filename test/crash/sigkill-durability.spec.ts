import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore, verifyStreamChain } from '@ceasefire/event-store';
import { collect } from '@ceasefire/event-store/testing';

interface Ack {
  stream: string;
  ids: string[];
  revisions: number[];
}

/** Starts an appending child, lets it run a random while after it is ready, then SIGKILLs it. */
const runAndKill = (path: string, runMs: number): Promise<Ack[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/append-loop.child.ts', path], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), runMs);
        else if (line) acks.push(JSON.parse(line) as Ack);
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited on its own: ${stderr}`)),
    );
  });

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged append, no partial batch, and every hash chain intact across 20 kills', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-crash-')), 'events.sqlite');
    const acknowledged: Ack[] = [];
    for (let round = 0; round < 20; round++) {
      acknowledged.push(...(await runAndKill(path, 50 + Math.floor(Math.random() * 250))));

      const store = new SqliteEventStore({ path });
      try {
        const all = await collect(store.readAll());
        const byId = new Map(all.map((e) => [e.eventId, e]));
        for (const ack of acknowledged)
          ack.ids.forEach((id, i) =>
            expect(byId.get(id)).toMatchObject({ stream: ack.stream, revision: ack.revisions[i] }),
          );

        const batches = new Map<string, RecordedEvent[]>();
        for (const e of all) batches.set(e.data.batch as string, [...(batches.get(e.data.batch as string) ?? []), e]);
        for (const events of batches.values()) expect(events).toHaveLength(events[0].data.size as number);

        for (const stream of new Set(all.map((e) => e.stream)))
          expect(verifyStreamChain(await collect(store.readStream(stream)))).toBeUndefined();
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(100);
  }, 120_000);

  it('lets two processes append to the same file at once without forking a chain or losing an acknowledged append', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-multi-')), 'events.sqlite');
    const [a, b] = await Promise.all([runAndKill(path, 1500), runAndKill(path, 1500)]);
    const store = new SqliteEventStore({ path });
    try {
      const all = await collect(store.readAll());
      const byId = new Map(all.map((e) => [e.eventId, e]));
      for (const ack of [...a, ...b])
        ack.ids.forEach((id, i) =>
          expect(byId.get(id)).toMatchObject({ stream: ack.stream, revision: ack.revisions[i] }),
        );
      for (const stream of new Set(all.map((e) => e.stream)))
        expect(verifyStreamChain(await collect(store.readStream(stream)))).toBeUndefined();
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});
