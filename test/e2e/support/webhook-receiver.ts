import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type ReceiverMode = 'ok' | 'down' | 'flaky' | 'slow';

/**
 * A webhook receiver on loopback that behaves as told, checks every signature with the independent
 * `standardwebhooks` package, and processes each webhook-id once however often it arrives.
 */
export class WebhookReceiver {
  mode: ReceiverMode = 'ok';
  slowMs = 300;
  secrets: string[] = [];
  readonly arrivals: { id: string; verified: boolean; headers: IncomingMessage['headers'] }[] = [];
  readonly processed: { id: string; body: any }[] = [];
  inFlight = 0;
  private readonly seen = new Set<string>();
  private server!: Server;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((req, res) => void receiver.handle(req, res));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private verified(body: string, headers: IncomingMessage['headers']): boolean {
    return this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    });
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    if (this.mode === 'down') {
      req.socket.destroy();
      return;
    }
    this.inFlight += 1;
    let body = '';
    for await (const chunk of req) body += chunk;
    const id = String(req.headers['webhook-id']);
    const verified = this.verified(body, req.headers);
    this.arrivals.push({ id, verified, headers: req.headers });
    if (this.mode === 'flaky' && Math.random() < 0.5) {
      this.inFlight -= 1;
      res.writeHead(500).end();
      return;
    }
    if (this.mode === 'slow') await new Promise((r) => setTimeout(r, this.slowMs));
    if (verified && !this.seen.has(id)) {
      this.seen.add(id);
      this.processed.push({ id, body: JSON.parse(body) });
    }
    this.inFlight -= 1;
    res.writeHead(204).end();
  }
}
