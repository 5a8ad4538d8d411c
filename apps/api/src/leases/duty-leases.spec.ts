import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DutyLeases } from './duty-leases';
import { LeaseStore } from './lease.store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the lease store', () => {
  it('grants a duty to one holder until its lease expires, then to another with the next term', () => {
    const store = new LeaseStore(mkdtempSync(join(tmpdir(), 'leases-')));
    expect(store.claim('signer', 'a', 1000, 0)).toEqual({ holder: 'a', expiresAt: 1000, term: 1 });
    expect(store.claim('signer', 'b', 1000, 999)).toBeUndefined();
    expect(store.claim('signer', 'a', 1000, 999)).toEqual({ holder: 'a', expiresAt: 1999, term: 1 });
    expect(store.claim('signer', 'b', 1000, 2000)).toEqual({ holder: 'b', expiresAt: 3000, term: 2 });
    store.release('signer', 'a');
    expect(store.claim('signer', 'a', 1000, 2500)).toBeUndefined();
    store.release('signer', 'b');
    expect(store.claim('signer', 'a', 1000, 2500)).toEqual({ holder: 'a', expiresAt: 3500, term: 3 });
  });
});

describe('duty leases of processes on one DATA_DIR', () => {
  it('give each duty to one process, hand it over on a clean stop at once, and after a crash within the lease', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leases-'));
    const ttlMs = 300;
    const first = new DutyLeases(new LeaseStore(dir), { seeks: true, ttlMs });
    const second = new DutyLeases(new LeaseStore(dir), { seeks: true, ttlMs });
    const api = new DutyLeases(new LeaseStore(dir), { seeks: false, ttlMs });
    first.start();
    second.start();
    api.start();
    expect(first.holds('checkpoint-signer')).toBe(true);
    expect(second.holds('checkpoint-signer')).toBe(false);
    expect(api.holds('checkpoint-signer')).toBe(false);

    first.stop();
    await sleep(ttlMs / 3 + 50);
    expect(second.holds('checkpoint-signer')).toBe(true);
    expect(second.holds('webhook-dispatcher')).toBe(true);

    // A process that stops renewing (killed, or paused) counts itself out before its lease ends.
    const third = new DutyLeases(new LeaseStore(dir), { seeks: true, ttlMs });
    third.start();
    expect(third.holds('deadline-scheduler')).toBe(false);
    const renewedAt = Date.now();
    (second as unknown as { stopped: boolean }).stopped = true;
    expect(second.holds('deadline-scheduler', renewedAt + ttlMs)).toBe(false);
    await sleep(ttlMs + ttlMs / 3 + 50);
    expect(third.holds('deadline-scheduler')).toBe(true);
    expect(third.term('deadline-scheduler')).toBe(3);
    third.stop();
    api.stop();
  });
});
