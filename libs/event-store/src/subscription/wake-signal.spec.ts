import { WakeSignal, type Written } from './wake-signal';

const written = (categories: string[], types: string[]): Written => ({
  categories: new Set(categories),
  types: new Set(types),
});

const woken = async (waiting: Promise<void>) => {
  let done = false;
  void waiting.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('WakeSignal', () => {
  it('wakes an unfiltered waiter on any commit', async () => {
    const signal = new WakeSignal();
    const waiting = signal.wait(60_000);
    signal.notify(written(['incident'], ['IncidentReported']));
    expect(await woken(waiting)).toBe(true);
  });

  it('lets a filtered waiter sleep through commits that hold nothing for it', async () => {
    const signal = new WakeSignal();
    const waiting = signal.wait(60_000, undefined, { eventTypes: ['BreachConfirmed'] });
    signal.notify(written(['incident'], ['IncidentReported']));
    expect(await woken(waiting)).toBe(false);
    signal.notify(written(['incident'], ['IncidentReported', 'BreachConfirmed']));
    expect(await woken(waiting)).toBe(true);
  });

  it('matches categories and types together, and wakes everyone when what was written is unknown', async () => {
    const signal = new WakeSignal();
    const agreements = signal.wait(60_000, undefined, {
      categories: ['agreement'],
      eventTypes: ['AgreementSuspended'],
    });
    signal.notify(written(['agreement'], ['AgreementReaffirmed']));
    expect(await woken(agreements)).toBe(false);
    signal.notify();
    expect(await woken(agreements)).toBe(true);
  });

  it('does not let a waiter sleep through a commit that came while it was busy reading', async () => {
    const signal = new WakeSignal();
    const seen = signal.version;
    signal.notify(written(['incident'], ['IncidentReported']));
    expect(await woken(signal.wait(60_000, undefined, undefined, seen))).toBe(true);
  });

  it('still wakes on its timeout, so a filtered subscriber moves its checkpoint on', async () => {
    const signal = new WakeSignal();
    const waiting = signal.wait(10, undefined, { eventTypes: ['BreachConfirmed'] });
    signal.notify(written(['incident'], ['IncidentReported']));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await woken(waiting)).toBe(true);
  });
});
