import { ReadLane, ReadLaneBusy } from './read-lane';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('read lane', () => {
  it('runs at most `width` chunks at once, and every chunk in the end', async () => {
    const lane = new ReadLane(2, 100);
    let running = 0;
    let most = 0;
    const chunk = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      return 1;
    };
    const done = await Promise.all(Array.from({ length: 20 }, () => lane.run(chunk)));
    expect(done).toHaveLength(20);
    expect(most).toBe(2);
  });

  it('lets other work run between chunks: a timer set during a run of many chunks fires before they end', async () => {
    const lane = new ReadLane(1, 100);
    const order: string[] = [];
    const chunks = Array.from({ length: 50 }, (_, i) => lane.run(() => void order.push(`chunk ${i}`)));
    setImmediate(() => order.push('other request'));
    await Promise.all(chunks);
    expect(order.indexOf('other request')).toBeLessThan(5);
  });

  it('refuses new reads once `maxWaiting` wait, and admits again when the queue drains', async () => {
    const lane = new ReadLane(1, 2);
    const chunks = Array.from({ length: 3 }, () => lane.run(tick));
    expect(lane.queued).toBe(2);
    expect(() => lane.admit()).toThrow(ReadLaneBusy);
    await Promise.all(chunks);
    expect(() => lane.admit()).not.toThrow();
  });

  it('releases its place when a chunk fails', async () => {
    const lane = new ReadLane(1, 10);
    await expect(lane.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lane.run(() => 'next')).resolves.toBe('next');
  });
});
