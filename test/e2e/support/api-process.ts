import { principalBody } from './case-data';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ADMIN_TOKEN } from './test-api';

/** The API as its own process (the compiled build, as `npm run start:prod` runs it), to be killed for real. */
export class ApiProcess {
  private child?: ChildProcess;
  readonly base: string;

  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  static build(): void {
    execFileSync('npx', ['nest', 'build', 'api'], { stdio: 'ignore' });
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
    let errors = '';
    this.child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    const end = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${this.base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      if (Date.now() > end || this.child.exitCode !== null)
        throw new Error(`the API process did not come up: ${errors}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
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
