/**
 * npm run bench:scale — does reading one agreement get slower as the log grows? Builds logs of 10k,
 * 100k and 1M events (BENCH_SCALE_SIZES to change), the agreement under study the same in each, starts
 * the built API on each, and times its reads; then /health while 8 heavy reads run at once. Prints a
 * table, the ratio of the largest log to the smallest for each read (goal ≤ 2×), and bench:api after.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@ceasefire/event-store';
import { benchDir, fmt, mib } from './bench-support';
import { buildScaleLog } from './scale/scale-log';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const REPEAT = 9;
const PORT = 3311;
const base = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

const call = async (path: string, token: string, init: RequestInit = {}) => {
  const reply = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${path}: ${reply.status} ${text.slice(0, 300)}`);
  return text;
};

/** Reads an SSE response until `count` messages arrived. */
const sse = async (path: string, token: string, count: number) => {
  const abort = new AbortController();
  const reply = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  let seen = 0;
  const decoder = new TextDecoder();
  try {
    for await (const chunk of reply.body as unknown as AsyncIterable<Uint8Array>) {
      seen += (decoder.decode(chunk, { stream: true }).match(/^id: /gm) ?? []).length;
      if (seen >= count) break;
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    abort.abort();
  }
  if (seen < count) throw new Error(`${path}: ${seen} of ${count} messages`);
};

const time = async (work: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
};

const startApi = (dataDir: string): ChildProcess =>
  spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: ADMIN,
      SCHEDULER_INTERVAL_MS: '0',
      WRITES_PER_MINUTE: '0',
      WRITES_PER_MINUTE_PER_IP: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const caughtUp = async (log: (line: string) => void) => {
  const began = performance.now();
  for (;;) {
    try {
      const health = JSON.parse(await (await fetch(`${base}/health`)).text()) as {
        store: { head: string };
        projections: { projection: string; position: string | null }[];
      };
      const behind = health.projections.filter((p) => p.position !== health.store.head);
      if (behind.length === 0) return performance.now() - began;
      const slowest = behind.reduce((a, b) => ((a.position ?? '') < (b.position ?? '') ? a : b));
      log(`  read models: ${slowest.projection} at ${Number(slowest.position ?? 0)} of ${Number(health.store.head)}`);
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
};

type Row = Record<string, number>;

const measure = async (size: number): Promise<Row> => {
  const dir = benchDir(`scale-${size}`);
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  const began = performance.now();
  const built = await buildScaleLog(store, size, (n) => process.stdout.write(`\r  ${fmt(n)} events appended`));
  const head = Number(await store.headPosition());
  await store.close();
  console.log(`\n${fmt(head)} events in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  const api = startApi(dir);
  try {
    const rebuildMs = await caughtUp((line) => console.log(line));
    const register = async (body: object) =>
      (
        JSON.parse(
          await call('/v1/principals', ADMIN, {
            method: 'POST',
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }),
        ) as { token: string }
      ).token;
    const tr = await register({ name: 'Mediator', role: 'mediator', institution: 'TR' });
    const a = built.agreementId;
    const positions = (await call(`/v1/agreements/${a}/timeline?format=ndjson`, tr))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { position: string }).position);
    const middle = positions[Math.floor(positions.length / 2)];
    const longCase = built.longCaseStream.slice('incident-'.length);
    const reads: Record<string, () => Promise<unknown>> = {
      'live compliance': () => call(`/v1/agreements/${a}/compliance`, tr),
      '?asOf middle': () => call(`/v1/agreements/${a}/compliance?asOf=${built.midTime}`, tr),
      '?atPosition middle': () => call(`/v1/agreements/${a}/compliance?atPosition=${middle}`, tr),
      'history page (50)': () => call(`/v1/incidents/${longCase}/history?after=700&limit=50`, tr),
      [`timeline export (${fmt(positions.length)})`]: () => call(`/v1/agreements/${a}/timeline?format=ndjson`, tr),
      'SSE catch-up (1,000)': () => sse(`/v1/feeds/events?agreement=${a}`, tr, 1000),
    };
    const row: Row = { events: head, 'read models built (s)': rebuildMs / 1000 };
    for (const [name, read] of Object.entries(reads)) row[name] = await time(read);
    // /health while 8 heavy reads run at once, each in a loop, from a process of their own.
    const heavy = [
      `/v1/agreements/${a}/timeline?format=ndjson`,
      `sse:/v1/feeds/events?agreement=${a}`,
      `/v1/incidents/${longCase}/history?after=700&limit=50`,
      `/v1/agreements/${a}/compliance?asOf=${built.midTime}`,
    ];
    const idleRss = rssOf(api.pid!);
    let peakRss = idleRss;
    const load = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/scale/heavy-reads.ts', JSON.stringify({ base, token: tr, paths: heavy })],
      {
        stdio: 'inherit',
      },
    );
    await new Promise((r) => setTimeout(r, 1000));
    const healthTimes: number[] = [];
    const until = performance.now() + 10_000;
    while (performance.now() < until) {
      const start = performance.now();
      await fetch(`${base}/health`).then((r) => r.text());
      healthTimes.push(performance.now() - start);
      peakRss = Math.max(peakRss, rssOf(api.pid!));
      await new Promise((r) => setTimeout(r, 20));
    }
    load.kill('SIGKILL');
    row['/health p99 under 8 heavy reads'] = quantile(healthTimes, 0.99);
    row['/health max'] = Math.max(...healthTimes);
    row['RSS growth under load (MiB)'] = (peakRss - idleRss) / 1024 / 1024;
    console.log(`  server RSS idle ${mib(idleRss)}, peak under load ${mib(peakRss)}`);
    return row;
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
};

const main = async () => {
  const rows: Row[] = [];
  for (const size of SIZES) {
    console.log(`\n— log of ${fmt(size)} events —`);
    rows.push(await measure(size));
  }
  const names = Object.keys(rows[0]);
  const first = rows[0];
  const last = rows[rows.length - 1];
  console.log(
    `\nbench:scale — the same agreement read from logs of ${SIZES.map(fmt).join(' / ')} events (ms, medians of ${REPEAT})`,
  );
  const width = Math.max(...names.map((n) => n.length)) + 2;
  console.log(`${''.padEnd(width)}${rows.map((r) => fmt(r.events).padStart(12)).join('')}   ratio largest/smallest`);
  for (const name of names.slice(1)) {
    const cells = rows.map((r) => r[name].toFixed(1).padStart(12)).join('');
    console.log(`${name.padEnd(width)}${cells}   ${(last[name] / first[name]).toFixed(2)}×`);
  }
  console.log('goal: each read ≤ 2× (flat); /health p99 ≤ 100 ms under the heavy reads');
  if (process.env.BENCH_SCALE_API !== 'false') {
    console.log('\nbench:api in the same run (the write path, to see scale work did not slow it):');
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/api.bench.ts'], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_ROUNDS: process.env.BENCH_ROUNDS ?? '3' },
    });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
