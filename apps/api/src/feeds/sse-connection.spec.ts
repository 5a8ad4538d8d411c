import { jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import { SseConnection } from './sse-connection';

/** A socket that never drains: whatever is written stays buffered, as with a consumer that stopped reading. */
class StuckSocket extends EventEmitter {
  written: string[] = [];
  ended = false;
  writableNeedDrain = false;
  get writableLength() {
    return this.written.reduce((n, w) => n + w.length, 0);
  }
  writeHead() {
    return this;
  }
  write(text: string | Buffer) {
    this.written.push(text.toString());
    return false;
  }
  end() {
    this.ended = true;
    this.emit('close');
  }
}

const connect = (maxBufferedBytes: number, heartbeatMs = 60_000) => {
  const raw = new StuckSocket();
  const reply = { raw, hijack: () => undefined } as unknown as FastifyReply;
  return { raw, connection: new SseConnection(reply, { heartbeatMs, maxBufferedBytes }) };
};

describe('one SSE connection', () => {
  it('writes each message as id, event and data lines', () => {
    const { raw, connection } = connect(10_000);
    connection.send('00000000000000000007', 'org.ceasefireledger.mvm.AccessDenied', '{"a":1}');
    expect(raw.written.at(-1)).toBe(
      'id: 00000000000000000007\nevent: org.ceasefireledger.mvm.AccessDenied\ndata: {"a":1}\n\n',
    );
    connection.close();
  });

  it('cuts off a consumer that stops reading once its unsent bytes pass the limit, instead of buffering on', async () => {
    const { raw, connection } = connect(1000);
    for (let i = 0; i < 100; i++) connection.send(String(i).padStart(20, '0'), 'e', 'x'.repeat(100));
    expect(raw.ended).toBe(true);
    expect(connection.isOpen).toBe(false);
    expect(raw.writableLength).toBeLessThan(1500);
    expect(raw.written.at(-1)).toMatch(/too slow; resume with Last-Event-ID/);
    await connection.closed;
  });

  it('sends heartbeat comments', () => {
    jest.useFakeTimers();
    try {
      const { raw, connection } = connect(10_000, 15_000);
      jest.advanceTimersByTime(45_000);
      expect(raw.written.filter((w) => w === ': heartbeat\n\n')).toHaveLength(3);
      connection.close();
      jest.advanceTimersByTime(45_000);
      expect(raw.written.filter((w) => w === ': heartbeat\n\n')).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
