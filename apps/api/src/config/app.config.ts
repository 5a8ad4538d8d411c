import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@ceasefire/event-store';

/** Files that say a data directory already keeps a record (and so already had an admin). */
const RECORD_FILES = ['events.sqlite', 'read-models.sqlite', 'checkpoints.sqlite'];

/**
 * What a process does: `all` everything (one process per DATA_DIR); `api` serves HTTP on read models of its
 * own; `worker` holds the single-writer duties (signing, deadlines, webhook delivery) through leases.
 */
export type Role = 'all' | 'api' | 'worker';

/** LOG_LEVEL: the least severe level written; `info` is Nest's `log` (the per-request lines). */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  role: Role;
  logLevel: LogLevelName;
  /** How long a duty's lease lasts unrenewed: a dead holder's duty is taken over after at most this long. */
  leaseTtlMs: number;
  port: number;
  host: string;
  dataDir: string;
  /** Where this process's read models live: DATA_DIR for ROLE=all, a replica directory of its own otherwise. */
  readModelsDir: string;
  /** DATA_DIR kept a record when the process started, before any store opened (and created) its files. */
  dataDirKeptRecord: boolean;
  eventStore: EventStoreConfig;
  /** The console's built files (npm run build:console), served at /console; none served when absent. */
  consoleDir?: string;
  /** Run the projections on a worker thread of their own (PROJECTIONS_THREAD, default true). */
  projectionsThread: boolean;
  /** How often passed deadlines are turned into events; 0 turns the scheduler off. */
  schedulerIntervalMs: number;
  /** /health/ready answers 503 while a read model is more than this many events behind the log. */
  readyMaxLag: number;
  http: {
    /** A request's headers and body must arrive within these (slow clients are cut off). */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    /** Open connections the server accepts at once; beyond, new ones are refused. */
    maxConnections: number;
    /** Origins a browser may call the API from (CORS); none by default. */
    corsOrigins: string[];
    /** On a stop, requests under way may finish within this long; then open connections are cut. */
    shutdownGraceMs: number;
    /** Take the client address from X-Forwarded-For (behind a reverse proxy only; else clients could pick theirs). */
    trustProxy: boolean;
  };
  ledger: { origin: string; checkpointIntervalMs: number };
  feeds: {
    heartbeatMs: number;
    maxBufferedBytes: number;
    /** Open SSE streams allowed in all, and to one principal; beyond: 503 / 429. */
    maxStreams: number;
    maxStreamsPerPrincipal: number;
  };
  webhooks: {
    retryScheduleMs: number[];
    allowPrivateTargets: boolean;
    timeoutMs: number;
    /** Webhooks one principal may register. */
    maxPerPrincipal: number;
    /** Delivery attempts kept per webhook, newest first; older ones are pruned. */
    deliveriesKept: number;
  };
  reads: {
    /** Heavy-read chunks (export, catch-up and history pages) that may run at once. */
    laneWidth: number;
    /** Heavy reads that may wait for the lane before new ones are refused with 503. */
    laneQueue: number;
    /** Heavy reads (exports, history, feed catch-up) per minute, per principal and per client address; 0: no limit. */
    heavyPerPrincipalPerMinute: number;
    heavyPerAddressPerMinute: number;
  };
  writes: {
    /** Writes a principal may make per minute (a token bucket of that size); 0 turns the quota off. */
    perPrincipalPerMinute: number;
    /** Writes per minute from one client address (all its principals together); 0 turns it off. */
    perAddressPerMinute: number;
    /** Events one stream (a case, an agreement, a commitment) may hold; a write beyond is refused with 409. */
    maxStreamEvents: number;
  };
  /** Called once with a newly generated admin token (only when ADMIN_TOKEN is unset on first start). */
  announceAdminToken: (token: string) => void;
}

const integer = (name: string, value: string | undefined, fallback: number, max: number): number => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new Error(`${name} must be an integer from 0 to ${max}, not "${value}"`);
  return n;
};

const logLevel = (value = 'info'): LogLevelName => {
  const found = LOG_LEVELS.find((l) => l === value);
  if (!found) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  return found;
};

const role = (value = 'all'): Role => {
  if (value !== 'all' && value !== 'api' && value !== 'worker')
    throw new Error(`ROLE must be all, api or worker, not "${value}"`);
  return value;
};

/** A switch: `true` or `false` (absent: the default); anything else stops the start, naming the variable. */
const flag = (name: string, value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, not "${value}"`);
};

/** An address to bind: an IPv4 or IPv6 address or a host name. */
const bindAddress = (value = '0.0.0.0'): string => {
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(value)) throw new Error(`HOST must be an address or host name, not "${value}"`);
  return value;
};

/** Comma-separated origins, each scheme://host[:port]; `*` is refused (tokens are bearer credentials). */
const origins = (value: string | undefined): string[] => {
  const list = (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list)
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin))
      throw new Error(`CORS_ORIGINS must list origins like https://console.example.org, not "${origin}"`);
  return list;
};

/** A C2SP log origin is a schema-less URL-like name; it doubles as the signing key's name, so no spaces or '+'. */
const ledgerOrigin = (value = 'ceasefire-ledger.local/log'): string => {
  if (!/^[A-Za-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/.test(value))
    throw new Error(`LEDGER_ORIGIN must look like example.org/log, not "${value}"`);
  return value;
};

/** Standard Webhooks-style retries: 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, then dead-letter. */
const retrySchedule = (value = '5000,30000,120000,600000,3600000,21600000'): number[] => {
  const steps = value.split(',').map((v) => integer('WEBHOOK_RETRY_SCHEDULE_MS', v.trim(), 0, 86_400_000));
  if (steps.length === 0 || steps.length > 20)
    throw new Error('WEBHOOK_RETRY_SCHEDULE_MS must list 1 to 20 comma-separated delays in milliseconds');
  return steps;
};

const httpConfig = (env: NodeJS.ProcessEnv): AppConfig['http'] => {
  const requestTimeoutMs = integer('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 30_000, 3_600_000) || 30_000;
  const headersTimeoutMs = integer('HEADERS_TIMEOUT_MS', env.HEADERS_TIMEOUT_MS, 10_000, 3_600_000) || 10_000;
  if (headersTimeoutMs > requestTimeoutMs)
    throw new Error(
      `HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    maxConnections: integer('MAX_CONNECTIONS', env.MAX_CONNECTIONS, 10_000, 1_000_000) || 1,
    corsOrigins: origins(env.CORS_ORIGINS),
    trustProxy: flag('TRUST_PROXY', env.TRUST_PROXY, false),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', env.SHUTDOWN_GRACE_MS, 5000, 600_000),
  };
};

/** Reads the environment once, at boot; a bad value stops the process with the variable named. */
export const appConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const eventStore = eventStoreConfigFromEnv(env);
  return {
    role: role(env.ROLE),
    logLevel: logLevel(env.LOG_LEVEL),
    leaseTtlMs: integer('LEASE_TTL_MS', env.LEASE_TTL_MS, 10_000, 600_000) || 10_000,
    port: integer('PORT', env.PORT, 3000, 65535),
    host: bindAddress(env.HOST),
    dataDir: eventStore.dataDir,
    readModelsDir: eventStore.dataDir,
    dataDirKeptRecord:
      eventStore.dataDir !== ':memory:' && RECORD_FILES.some((f) => existsSync(join(eventStore.dataDir, f))),
    eventStore,
    consoleDir: resolve(env.CONSOLE_DIR ?? 'dist-console'),
    projectionsThread: flag('PROJECTIONS_THREAD', env.PROJECTIONS_THREAD, true),
    schedulerIntervalMs: integer('SCHEDULER_INTERVAL_MS', env.SCHEDULER_INTERVAL_MS, 15_000, 86_400_000),
    http: httpConfig(env),
    readyMaxLag: integer('READY_MAX_LAG', env.READY_MAX_LAG, 1000, 1_000_000_000),
    ledger: {
      origin: ledgerOrigin(env.LEDGER_ORIGIN),
      checkpointIntervalMs: integer('CHECKPOINT_INTERVAL_MS', env.CHECKPOINT_INTERVAL_MS, 5000, 86_400_000),
    },
    feeds: {
      heartbeatMs: integer('FEED_HEARTBEAT_MS', env.FEED_HEARTBEAT_MS, 15_000, 3_600_000) || 15_000,
      maxBufferedBytes: integer('FEED_MAX_BUFFERED_BYTES', env.FEED_MAX_BUFFERED_BYTES, 1 << 20, 1 << 30),
      maxStreams: integer('FEED_MAX_STREAMS', env.FEED_MAX_STREAMS, 1000, 1_000_000) || 1,
      maxStreamsPerPrincipal:
        integer('FEED_MAX_STREAMS_PER_PRINCIPAL', env.FEED_MAX_STREAMS_PER_PRINCIPAL, 10, 100_000) || 1,
    },
    webhooks: {
      retryScheduleMs: retrySchedule(env.WEBHOOK_RETRY_SCHEDULE_MS),
      allowPrivateTargets: flag('WEBHOOK_ALLOW_PRIVATE', env.WEBHOOK_ALLOW_PRIVATE, false),
      timeoutMs: integer('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 600_000),
      maxPerPrincipal: integer('WEBHOOKS_PER_PRINCIPAL', env.WEBHOOKS_PER_PRINCIPAL, 20, 100_000) || 1,
      deliveriesKept: integer('WEBHOOK_DELIVERIES_KEPT', env.WEBHOOK_DELIVERIES_KEPT, 1000, 10_000_000) || 1,
    },
    reads: {
      laneWidth: integer('READ_LANE_WIDTH', env.READ_LANE_WIDTH, 2, 64) || 1,
      laneQueue: integer('READ_LANE_QUEUE', env.READ_LANE_QUEUE, 256, 100_000),
      heavyPerPrincipalPerMinute: integer('HEAVY_READS_PER_MINUTE', env.HEAVY_READS_PER_MINUTE, 60, 1_000_000),
      heavyPerAddressPerMinute: integer(
        'HEAVY_READS_PER_MINUTE_PER_IP',
        env.HEAVY_READS_PER_MINUTE_PER_IP,
        240,
        1_000_000,
      ),
    },
    writes: {
      perPrincipalPerMinute: integer('WRITES_PER_MINUTE', env.WRITES_PER_MINUTE, 600, 1_000_000),
      perAddressPerMinute: integer('WRITES_PER_MINUTE_PER_IP', env.WRITES_PER_MINUTE_PER_IP, 3000, 10_000_000),
      maxStreamEvents: integer('MAX_STREAM_EVENTS', env.MAX_STREAM_EVENTS, 2000, 1_000_000) || 1,
    },
    announceAdminToken: (token) =>
      process.stderr.write(
        `${JSON.stringify({ level: 'warn', context: 'Bootstrap', message: 'No ADMIN_TOKEN was set: generated one. It is shown once; only its hash is kept in DATA_DIR.', adminToken: token })}\n`,
      ),
  };
};
