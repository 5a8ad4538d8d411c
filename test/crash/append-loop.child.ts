/**
 * Child process of the crash test: appends batches forever from several concurrent appenders
 * (so group commit is exercised) and prints one line per acknowledged append, until SIGKILLed.
 */
import { randomUUID } from 'node:crypto';
import { type ExpectedState, SqliteEventStore, WrongExpectedRevision } from '@ceasefire/event-store';

const [path] = process.argv.slice(2);
const store = new SqliteEventStore({ path });
const STREAMS = Array.from({ length: 12 }, (_, i) => `crash-s${i}`);

const tailOf = async (stream: string): Promise<ExpectedState> => {
  try {
    for await (const e of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) return e.revision;
  } catch {
    /* no stream yet */
  }
  return 'no_stream';
};

const appender = async () => {
  for (;;) {
    const stream = STREAMS[Math.floor(Math.random() * STREAMS.length)];
    const batch = randomUUID();
    const size = 1 + Math.floor(Math.random() * 5);
    const events = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      type: 'CrashTested',
      data: { batch, size, index, text: 'x'.repeat(Math.floor(Math.random() * 400)) },
    }));
    try {
      const result = await store.append(stream, events, { expected: await tailOf(stream) });
      process.stdout.write(
        `${JSON.stringify({ stream, ids: result.events.map((e) => e.eventId), revisions: result.events.map((e) => e.revision) })}\n`,
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }
};

process.stdout.write('ready\n');
for (let i = 0; i < 8; i++) void appender();
