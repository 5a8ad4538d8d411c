import { BreachTicker } from './breach-ticker';

const frame = (position: number) =>
  `id: ${position}\nevent: org.ceasefireledger.mvm.BreachConfirmed\ndata: ${JSON.stringify({
    specversion: '1.0',
    id: `e${position}`,
    source: 'https://ledger.example/agreements/a1',
    type: 'org.ceasefireledger.mvm.BreachConfirmed',
    time: '2025-11-02T10:00:00Z',
    datacontenttype: 'application/json',
    data: {},
    position: String(position),
    eventhash: 'ab'.repeat(32),
    parties: 'AF',
    severity: 'S3',
  })}\n\n`;

/** A stream that sends its frames, then drops (as a proxy or a restart would). */
const dropping = (frames: string[]) =>
  new Response(new Blob([`retry: 5\n\n${frames.join('')}`]).stream(), {
    headers: { 'content-type': 'text/event-stream' },
  });

describe('the live breach ticker', () => {
  it('resumes after the last breach shown when the stream drops: none missed, none twice', async () => {
    const asked: (string | undefined)[] = [];
    const answers = [
      () => dropping([frame(3), frame(7)]),
      // A server resending what the ticker already showed must not make it appear twice.
      () => dropping([frame(7), frame(9)]),
      () => dropping([frame(12)]),
    ];
    const ticker = new BreachTicker(async (last) => {
      asked.push(last);
      return (answers.shift() ?? (() => new Promise<Response>(() => undefined)))();
    });
    await new Promise<void>((resolve) => {
      ticker.subscribe(() => ticker.breaches.length === 4 && resolve());
    });
    ticker.stop();
    expect(ticker.breaches.map((b) => b.position)).toEqual(['12', '9', '7', '3']);
    expect(asked.slice(0, 3)).toEqual([undefined, '7', '9']);
    expect(ticker.breaches[0]).toMatchObject({
      eventId: 'e12',
      type: 'BreachConfirmed',
      parties: ['AF'],
      severity: 'S3',
    });
  });
});
