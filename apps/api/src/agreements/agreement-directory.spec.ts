import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type EventStore, SqliteEventStore } from '@ceasefire/event-store';
import type { AgreementEvent } from '@ceasefire/mvm';
import { AGREEMENT_ID, agreementRegistered } from '@ceasefire/mvm/testing';
import { AgreementDirectory } from './agreement-directory';
import { agreementStream } from '@ceasefire/mvm';

const stored = (e: AgreementEvent) => ({
  id: randomUUID(),
  type: e.type,
  data: e.data as never,
  metadata: { correlationId: 'c', principal: 'p' },
});
const suspended: AgreementEvent = {
  type: 'AgreementSuspended',
  data: { agreementId: AGREEMENT_ID, at: '2025-11-02T00:00:00.000Z', reason: 'talks paused' },
};

/** Counts reads of the agreement's stream, which the directory should make only when the agreement changed. */
const countingReads = (store: EventStore) => {
  const counted = { reads: 0 };
  const readStream = store.readStream.bind(store);
  store.readStream = (stream, options) => {
    counted.reads++;
    return readStream(stream, options);
  };
  return counted;
};

/** Long enough for the directory's subscription to see what was appended (it polls every 20 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('AgreementDirectory', () => {
  const path = () => join(mkdtempSync(join(tmpdir(), 'ledger-agreements-')), 'events.sqlite');
  let store: SqliteEventStore;
  let directory: AgreementDirectory;

  const open = async (file: string) => {
    store = new SqliteEventStore({ path: file, pollIntervalMs: 20 });
    directory = new AgreementDirectory(store);
    await directory.onApplicationBootstrap();
  };

  afterEach(async () => {
    directory.onApplicationShutdown();
    await store.close();
  });

  it('folds an agreement once, and again only after this process changed it', async () => {
    await open(path());
    await store.append(agreementStream(AGREEMENT_ID), [stored(agreementRegistered)]);
    await settle();
    const counted = countingReads(store);
    expect((await directory.state(AGREEMENT_ID)).status).toBe('ACTIVE');
    expect((await directory.state(AGREEMENT_ID)).status).toBe('ACTIVE');
    expect(counted.reads).toBe(1);
    await store.append(agreementStream(AGREEMENT_ID), [stored(suspended)], { expected: 0 });
    directory.changed(AGREEMENT_ID);
    expect((await directory.state(AGREEMENT_ID)).status).toBe('SUSPENDED');
    expect(counted.reads).toBe(2);
  });

  it('forgets an agreement that another process wrote, through its subscription', async () => {
    const file = path();
    await open(file);
    await store.append(agreementStream(AGREEMENT_ID), [stored(agreementRegistered)]);
    await settle();
    expect((await directory.state(AGREEMENT_ID)).status).toBe('ACTIVE');
    const elsewhere = new SqliteEventStore({ path: file });
    await elsewhere.append(agreementStream(AGREEMENT_ID), [stored(suspended)], { expected: 0 });
    await elsewhere.close();
    await settle();
    expect((await directory.state(AGREEMENT_ID)).status).toBe('SUSPENDED');
  });

  it('does not keep a fold that a change overtook', async () => {
    await open(path());
    await store.append(agreementStream(AGREEMENT_ID), [stored(agreementRegistered)]);
    await settle();
    const folding = directory.state(AGREEMENT_ID);
    directory.changed(AGREEMENT_ID); // e.g. a suspension committed while the fold was reading
    expect((await folding).status).toBe('ACTIVE');
    const counted = countingReads(store);
    await directory.state(AGREEMENT_ID);
    expect(counted.reads).toBe(1);
  });

  it('knows no agreement that has no stream, and keeps nothing for it', async () => {
    await open(path());
    const counted = countingReads(store);
    expect((await directory.state(AGREEMENT_ID)).status).toBe('NONE');
    expect((await directory.state(AGREEMENT_ID)).status).toBe('NONE');
    expect(counted.reads).toBe(2);
  });
});
