/**
 * npm run bench:feeds — append-to-delivery latency of the breach feeds, against the write's own round trip
 * measured in the same run: 200 SSE clients and one webhook on loopback, breaches appended at 100/s, and
 * the API's memory per connected SSE client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { agreementRequest, crossBorderAttackReport } from '../apps/demo/src/istanbul-case.requests';
import { benchDir, cpuSeconds, mib } from './bench-support';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const PORT = Number(process.env.BENCH_PORT ?? 3302);
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 200);
const RATE = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const base = `http://127.0.0.1:${PORT}`;

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as any;
};
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers 204 at once and reports each webhook-id's arrival time (epoch ms) to the bench every 100 ms. */
const RECEIVER = `
const { createServer } = require('node:http');
let pending = [];
const server = createServer((req, res) => {
  pending.push([String(req.headers['webhook-id']), performance.timeOrigin + performance.now()]);
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => process.exit(0));
setInterval(() => { if (pending.length && process.connected) { process.send(pending); pending = []; } }, 100);
`;

/** A light SSE client: records when each breach's id first arrives. */
const sseClient = (token: string, seen: Map<string, number>[], i: number) =>
  new Promise<void>((resolve) => {
    const arrivals = new Map<string, number>();
    seen[i] = arrivals;
    httpGet(`${base}/v1/feeds/breaches`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.timeOrigin + performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (data) arrivals.set((JSON.parse(data) as { id: string }).id, now);
        }
      });
      resolve();
    });
  });

const main = async () => {
  const dir = benchDir('feeds');
  const api: ChildProcess = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: ADMIN,
      WEBHOOK_ALLOW_PRIVATE: 'true',
      SCHEDULER_INTERVAL_MS: '0',
    },
    stdio: 'ignore',
  });
  process.once('exit', () => api.kill('SIGKILL'));
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 300) throw new Error('the API did not start');
      await sleep(100);
    }
    console.log(
      `bench:feeds — node ${process.version}; ${CLIENTS} SSE clients, 1 webhook, ${RATE} breaches/s for ${SECONDS} s`,
    );
    const principal = async (name: string, role: string, party?: string) =>
      (
        await call('POST', '/v1/principals', ADMIN, {
          name,
          role,
          ...(party ? { party } : {}),
          ...(role === 'mediator' ? { institution: 'TR' } : {}),
        })
      ).token as string;
    const [pk, mon, tr, obs] = [
      await principal('PK', 'party', 'PK'),
      await principal('Monitor', 'monitor'),
      await principal('TR', 'mediator'),
      await principal('Dashboard', 'auditor'),
    ];
    const agreement = (await call('POST', '/v1/agreements', tr, agreementRequest)).id as string;
    const incidents: string[] = [];
    for (let i = 0; i < 100; i++) {
      const id = (await call('POST', `/v1/agreements/${agreement}/incidents`, pk, crossBorderAttackReport))
        .id as string;
      await call('POST', `/v1/incidents/${id}/triage`, mon, { decision: 'ADMISSIBLE', reason: 'x' });
      await call('POST', `/v1/incidents/${id}/investigation`, mon, {});
      incidents.push(id);
    }

    // The webhook receiver runs in its own process, so the 200 SSE clients here do not slow its answers.
    const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const receiverPort = await new Promise<number>((resolve) => receiver.once('message', (m) => resolve(m as number)));
    const webhookArrivals = new Map<string, number>();
    receiver.on('message', (m) => {
      if (Array.isArray(m)) for (const [id, at] of m as [string, number][]) webhookArrivals.set(id, at);
    });
    await call('POST', '/v1/webhooks', tr, { url: `http://127.0.0.1:${receiverPort}/` });

    const rssMedian = async () => {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++, await sleep(150)) samples.push(rss(api.pid as number));
      return percentile(samples, 50);
    };
    await sleep(500);
    const before = await rssMedian();
    const seen: Map<string, number>[] = [];
    for (let i = 0; i < CLIENTS; i++) await sseClient(obs, seen, i);
    await sleep(2000);
    const perClient = ((await rssMedian()) - before) / CLIENTS;

    const sentAt = new Map<string, number>();
    let conflicts = 0;
    const roundTrips: number[] = [];
    const total = RATE * SECONDS;
    const cpuBefore = cpuSeconds(api.pid as number);
    const started = performance.now();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const t0 = performance.timeOrigin + performance.now();
      writes.push(
        call('POST', `/v1/incidents/${incidents[i % incidents.length]}/access-denials`, mon, {
          denialId: `d${i}`,
          deniedBy: i % 2 ? 'PK' : 'AF',
          at: '2025-11-01T08:00:00Z',
          place: 'Road to the post',
          description: 'Checkpoint refused passage',
        }).then((reply: { events?: { eventId: string }[] }) => {
          // A lost race on one incident (409) is the client's to retry; it is counted, not timed.
          if (!reply.events) return void (conflicts += 1);
          roundTrips.push(performance.timeOrigin + performance.now() - t0);
          sentAt.set(reply.events[0].eventId, t0);
        }),
      );
    }
    await Promise.all(writes);
    const apiCpu = (cpuSeconds(api.pid as number) - cpuBefore) / ((performance.now() - started) / 1000);
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
      const done = webhookArrivals.size >= sentAt.size && seen.every((s) => s.size >= sentAt.size);
      if (done) break;
      await sleep(100);
    }
    const sse: number[] = [];
    let missing = 0;
    for (const client of seen)
      for (const [id, t0] of sentAt) {
        const at = client.get(id);
        if (at === undefined) missing += 1;
        else sse.push(at - t0);
      }
    const hooks = [...sentAt].map(([id, t0]) => (webhookArrivals.get(id) ?? NaN) - t0).filter((x) => !Number.isNaN(x));
    const base50 = percentile(roundTrips, 50);
    const base99 = percentile(roundTrips, 99);
    const line = (name: string, xs: number[], target: string) =>
      console.log(
        `${name.padEnd(34)} p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms  (${(percentile(xs, 99) / base99).toFixed(2)}× the write's p99; ${target})`,
      );
    console.log('');
    console.log(
      `${'baseline: the write round trip'.padEnd(34)} p50 ${base50.toFixed(1)} ms, p99 ${base99.toFixed(1)} ms`,
    );
    line(`append → SSE delivery (${CLIENTS} clients)`, sse, 'target p99 ≤ 100 ms');
    line('append → webhook delivery', hooks, 'target p99 ≤ 250 ms');
    console.log(
      `${'API memory per SSE client'.padEnd(34)} ${(perClient / 1024).toFixed(1)} KiB RSS (${mib(before)} before ${CLIENTS} clients)`,
    );
    console.log(`${'API CPU while loaded'.padEnd(34)} ${(apiCpu * 100).toFixed(0)}% of one core`);
    console.log(
      `${'missed deliveries'.padEnd(34)} SSE ${missing}, webhook ${sentAt.size - hooks.length} (writes lost to a race, not retried: ${conflicts})`,
    );
    receiver.kill();
  } finally {
    api.kill('SIGTERM');
  }
  process.exit(0);
};

void main();
