/**
 * npm run bench:api — report-incident over HTTP (auth, validation, decide, durable append, read
 * models running) against two baselines on the same NestJS + Fastify stack and the same validation:
 * an endpoint with nothing behind it, and the durable limit (one row appended through @nestjs/cqrs to
 * raw better-sqlite3, WAL, synchronous=FULL, group commit). Driven by autocannon from this process
 * while each server runs in its own; interleaved rounds; medians.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { agreementBody, raidReport } from '../test/e2e/support/case-data';
import { benchDir, cpuSeconds } from './bench-support';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const start = (script: string, port: number, env: Record<string, string> = {}): ChildProcess =>
  spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

const ready = async (url: string) => {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
};

const post = async (url: string, token: string, body: unknown) => {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (reply.status !== 201) throw new Error(`${url}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as { id: string; token: string };
};

const load = (url: string, token: string) =>
  autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(raidReport),
  });

/** Emmett is no dependency of the project: its peer's packages are installed beside the bench's data, once. */
const PEER_DIR = resolve('.bench/peers');
// Emmett's own peers (async-retry, uuid, commander) are named too: --legacy-peer-deps installs no peers.
const EMMETT = [
  '@event-driven-io/emmett-sqlite@0.42.4',
  '@event-driven-io/emmett@0.42.0',
  'sqlite3@5.1.7',
  'async-retry@1',
  'uuid@10',
  'commander@12',
];
const ensureEmmettPeer = (): boolean => {
  if (existsSync(`${PEER_DIR}/node_modules/async-retry`)) return true;
  console.log(`installing the Emmett peer (${EMMETT.join(', ')}) into ${PEER_DIR} …`);
  spawnSync('npm', ['init', '-y'], { cwd: PEER_DIR, stdio: 'ignore' });
  const npm = spawnSync('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund', ...EMMETT], {
    cwd: PEER_DIR,
    stdio: 'inherit',
  });
  return npm.status === 0 && existsSync(`${PEER_DIR}/node_modules/sqlite3/build/Release/node_sqlite3.node`);
};

/** Waits until every read model has applied the log's head; how long that took after the load ended. */
const caughtUp = async (health: string): Promise<number> => {
  const start = performance.now();
  for (;;) {
    const h = (await (await fetch(health)).json()) as { store: { head: string }; projections: { position: string }[] };
    if (h.projections.every((p) => p.position === h.store.head)) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-api-'));
  const api = start('dist/apps/api/src/main.js', 3301, {
    DATA_DIR: dataDir,
    ADMIN_TOKEN: ADMIN,
    HOST: '127.0.0.1',
    SCHEDULER_INTERVAL_MS: '0',
    // The write quota guards against a principal flooding the record; the benchmark is that flood.
    WRITES_PER_MINUTE: '0',
    WRITES_PER_MINUTE_PER_IP: '0',
  });
  const bare = start('dist/apps/bench-bare/src/main.js', 3302, { DATA_DIR: benchDir('api-durable-limit') });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(PEER_DIR, { recursive: true });
  const peer = ensureEmmettPeer()
    ? start('dist/apps/bench-emmett/src/main.js', 3303, { DATA_DIR: benchDir('api-emmett'), EMMETT_PEER_DIR: PEER_DIR })
    : undefined;
  if (!peer) console.log('the Emmett peer could not be installed: its figures are left out');
  try {
    await Promise.all([
      ready('http://127.0.0.1:3301/health'),
      ready('http://127.0.0.1:3302/health'),
      ...(peer ? [ready('http://127.0.0.1:3303/health')] : []),
    ]);
    const reporter = (
      await post('http://127.0.0.1:3301/v1/principals', ADMIN, { name: 'PK liaison', role: 'party', party: 'PK' })
    ).token;
    const mediator = (
      await post('http://127.0.0.1:3301/v1/principals', ADMIN, {
        name: 'Mediator',
        role: 'mediator',
        institution: 'TR',
      })
    ).token;
    const agreement = (await post('http://127.0.0.1:3301/v1/agreements', mediator, agreementBody)).id;
    const path = `/v1/agreements/${agreement}/incidents`;
    const rounds: {
      bare: autocannon.Result;
      durable: autocannon.Result;
      emmett?: autocannon.Result;
      ours: autocannon.Result;
      cpu: { main: number; all: number; durable: number };
    }[] = [];
    const pid = api.pid as number;
    const catchUps: number[] = [];
    const barePid = bare.pid as number;
    for (let r = 0; r < ROUNDS; r++) {
      const b = await load(`http://127.0.0.1:3302${path}`, reporter);
      const d0 = cpuSeconds(barePid);
      const d = await load(`http://127.0.0.1:3302/durable${path}`, reporter);
      const durableCpu = cpuSeconds(barePid) - d0;
      const e = peer ? await load(`http://127.0.0.1:3303${path}`, reporter) : undefined;
      const [main0, all0] = [cpuSeconds(pid, pid), cpuSeconds(pid)];
      const o = await load(`http://127.0.0.1:3301${path}`, reporter);
      // The read models finish what the run left them before anything else is measured: their catch-up
      // counts as this server's CPU, and must not slow the next round's baselines.
      const lagMs = await caughtUp('http://127.0.0.1:3301/health');
      const cpu = { main: cpuSeconds(pid, pid) - main0, all: cpuSeconds(pid) - all0, durable: durableCpu };
      catchUps.push(lagMs);
      rounds.push({ bare: b, durable: d, emmett: e, ours: o, cpu });
      process.stdout.write('.');
    }
    const summary = (pick: (x: (typeof rounds)[number]) => autocannon.Result) => ({
      rps: median(rounds.map((x) => pick(x).requests.average)),
      p50: median(rounds.map((x) => pick(x).latency.p50)),
      p99: median(rounds.map((x) => pick(x).latency.p99)),
      non2xx: rounds.reduce((n, x) => n + pick(x).non2xx + pick(x).errors, 0),
    });
    const b = summary((x) => x.bare);
    const d = summary((x) => x.durable);
    const o = summary((x) => x.ours);
    const perRequest = (pick: (c: { main: number; all: number }) => number) =>
      median(rounds.map((x) => (pick(x.cpu) * 1000) / x.ours.requests.total)).toFixed(2);
    const durablePerRequest = median(rounds.map((x) => (x.cpu.durable * 1000) / x.durable.requests.total)).toFixed(2);
    const busy = median(rounds.map((x) => (x.cpu.main / SECONDS) * 100)).toFixed(0);
    console.log(
      `\nbench:api — POST report-incident, ${CONNECTIONS} connections, ${SECONDS}s × ${ROUNDS} alternating rounds (medians)`,
    );
    console.log(
      `bare NestJS + same validation: ${Math.round(b.rps)} req/s, p50 ${b.p50} ms, p99 ${b.p99} ms, non-2xx/errors ${b.non2xx}`,
    );
    console.log(
      `durable limit (cqrs + 1 row):  ${Math.round(d.rps)} req/s, p50 ${d.p50} ms, p99 ${d.p99} ms, non-2xx/errors ${d.non2xx}, ${durablePerRequest} ms CPU per request`,
    );
    const em = peer ? summary((x) => x.emmett!) : undefined;
    if (em)
      console.log(
        `Emmett peer (shared conn.):    ${Math.round(em.rps)} req/s, p50 ${em.p50} ms, p99 ${em.p99} ms, non-2xx/errors ${em.non2xx}`,
      );
    console.log(
      `Ceasefire Ledger (durable):    ${Math.round(o.rps)} req/s, p50 ${o.p50} ms, p99 ${o.p99} ms, non-2xx/errors ${o.non2xx}`,
    );
    console.log(
      `  CPU per request: ${perRequest((c) => c.main)} ms on the request thread (busy ${busy}% of the run), ${perRequest((c) => c.all)} ms in all threads`,
    );
    console.log(
      `ratio ${(o.rps / d.rps).toFixed(2)}× the durable limit (target ≥ 0.60×), ${(o.rps / b.rps).toFixed(2)}× the bare endpoint; p99 ${o.p99} ms (target ≤ 50 ms)`,
    );
    if (em) console.log(`ratio ${(o.rps / em.rps).toFixed(2)}× the Emmett peer (target ≥ 1.5×)`);
    console.log(
      `  read models caught up ${median(catchUps).toFixed(0)} ms after each run ended (median; counted in the CPU above)`,
    );
    // Issue 17: what /metrics counted for the route against what autocannon sent to it.
    const scraped = await (await fetch('http://127.0.0.1:3301/metrics')).text();
    const counted = scraped
      .split('\n')
      .filter((l) => l.startsWith('ledger_http_requests_total{') && l.includes(`route="/v1/agreements/:id/incidents"`))
      .reduce((n, l) => n + Number(l.split(' ').pop()), 0);
    const sent = rounds.reduce((n, x) => n + x.ours.requests.sent, 0);
    console.log(
      `  /metrics counted ${counted} report-incident requests; autocannon sent ${sent} (${((counted / sent) * 100).toFixed(2)}%)`,
    );
    // The machine's speed drifts between rounds; each round's own ratio shows how much.
    const perRound = rounds.map((x) => (x.ours.requests.average / x.durable.requests.average).toFixed(2));
    console.log(`  ratio to the durable limit per round: ${perRound.join(' ')}`);
  } finally {
    api.kill('SIGTERM');
    bare.kill('SIGTERM');
    peer?.kill('SIGTERM');
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
