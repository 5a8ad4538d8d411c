import { principalBody } from './case-data';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ADMIN_TOKEN } from './test-api';

/** The API as its own process (the compiled build, as `npm run start:prod` runs it), to be killed for real. */
export class ApiProcess {
  private child?: ChildProcess;
  /** The end of what the process wrote to stderr (its errors). */
  stderrTail = '';
  /** Everything the process wrote, stdout and stderr, up to 4 MB (the log lines). */
  output = '';
  readonly base: string;

  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /**
   * Builds dist when the sources changed since the last build, once however many test files ask: the
   * build empties dist first, so building under a running process (or two builds at once) would start or
   * stop processes from a half-written tree. One builds under a lock; the others wait, then find it fresh.
   */
  static build(): void {
    const root = process.cwd();
    const stamp = join(root, '.e2e-build.stamp');
    const fresh = () =>
      existsSync(stamp) &&
      existsSync(join(root, 'dist/apps/api/src/main.js')) &&
      statSync(stamp).mtimeMs > newestSource(root);
    if (fresh()) return;
    const lock = join(root, '.e2e-build.lock');
    // A lock left by a killed run is older than any build takes.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
      rmSync(lock, { recursive: true, force: true });
    for (const end = Date.now() + 300_000; Date.now() < end;) {
      try {
        mkdirSync(lock);
      } catch {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
        continue;
      }
      try {
        if (!fresh()) {
          execFileSync('npx', ['nest', 'build', 'api'], { stdio: 'ignore' });
          writeFileSync(stamp, new Date().toISOString());
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return;
    }
    throw new Error('another test file held the build lock for 5 minutes');
  }

  static async create(env: Record<string, string>): Promise<ApiProcess> {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    return new ApiProcess(port, env);
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1', ADMIN_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.stderrTail = '';
    const keep = (chunk: Buffer) => {
      if (this.output.length < 4 << 20) this.output += chunk.toString();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.once('exit', (code, signal) => (this.stderrTail += `\n[exited: code ${code}, signal ${signal}]`));
    this.child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)),
    );
    const end = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${this.base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      if (Date.now() > end || this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`the API process did not come up: ${this.stderrTail}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, as an orchestrator stops a process: resolves with how long it took to exit, and its exit code. */
  async terminate(timeoutMs = 30_000): Promise<{ ms: number; clean: boolean }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { ms: 0, clean: child?.exitCode === 0 };
    const started = Date.now();
    // A clean stop exits 0, or by the signal re-raised once everything is closed (as Nest does).
    const exited = new Promise<boolean>((resolve) =>
      child.once('exit', (code, signal) => resolve(code === 0 || signal === 'SIGTERM')),
    );
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const clean = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
    ]);
    // A pending timer would keep Jest from exiting for the rest of timeoutMs.
    clearTimeout(timer);
    if (clean === 'timeout') {
      await this.kill();
      return { ms: Date.now() - started, clean: false };
    }
    return { ms: Date.now() - started, clean };
  }

  async request(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async principal(name: string, role: string, of?: string): Promise<string> {
    const reply = await this.request('POST', '/v1/principals', ADMIN_TOKEN, principalBody(name, role, of));
    if (reply.status !== 201) throw new Error(`principal ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.token as string;
  }
}

/** The newest modification time of the TypeScript sources the build compiles. */
const newestSource = (root: string): number => {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['apps', 'libs']) walk(join(root, dir));
  return newest;
};
