import { principalBody } from './case-data';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ADMIN_TOKEN } from './test-api';

/** The API as its own process (the compiled build, as `npm run start:prod` runs it), to be killed for real. */
export class ApiProcess {
  private child?: ChildProcess;
  /** The end of what the process wrote to stderr (its errors). */
  stderrTail = '';
  readonly base: string;

  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /**
   * Builds dist once for all test files of a run: the build empties dist first, so two test files
   * building at once would start processes from a half-written tree. One builds; the others wait for it.
   */
  static build(): void {
    const lock = join(process.cwd(), '.e2e-build.lock');
    // A lock left by a killed run is older than any build takes.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
      rmSync(lock, { recursive: true, force: true });
    try {
      mkdirSync(lock);
    } catch {
      const end = Date.now() + 180_000;
      while (existsSync(lock) && Date.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      return;
    }
    try {
      execFileSync('npx', ['nest', 'build', 'api'], { stdio: 'ignore' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
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
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.stderrTail = '';
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
    const clean = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs)),
    ]);
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
