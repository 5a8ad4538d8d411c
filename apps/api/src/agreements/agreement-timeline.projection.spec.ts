import { SqliteEventStore } from '@ceasefire/event-store';
import { anEvent } from '@ceasefire/event-store/testing';
import { InProcessProjectionRunner, openReadModelDatabase } from '@ceasefire/projections';
import { agreementTimelineProjection } from './agreement-timeline.projection';
import { publicTimelineEntries, timelineEntries } from './agreement-timeline.queries';

const A = '11111111-1111-4111-8111-111111111111';
const X = 'incident-aaaaaaaa-0000-4000-8000-000000000000';
const Y = 'incident-bbbbbbbb-0000-4000-8000-000000000000';

describe('agreement timeline: the entries the public may read', () => {
  let store: SqliteEventStore;
  let runner: InProcessProjectionRunner;
  beforeEach(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    runner = new InProcessProjectionRunner(store, openReadModelDatabase(':memory:'), [agreementTimelineProjection]);
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
  });

  const record = async (stream: string, type: string, data: Record<string, string> = {}) => {
    const { position } = await store.append(stream, [anEvent(type, { agreementId: A, ...data })]);
    await runner.waitFor(position, { timeoutMs: 5000 });
  };
  const publicTypes = () =>
    publicTimelineEntries(runner, { limit: 100 }).map((e) => `${e.stream.slice(9, 10)}:${e.type}`);

  it('marks a case published later, earlier entries included, but never what the mechanism keeps to itself', async () => {
    await record(X, 'IncidentReported');
    await record(Y, 'IncidentReported');
    await record(X, 'InterviewRecorded');
    expect(publicTypes()).toEqual([]);
    await record(X, 'CaseClassified', { level: 'PUBLIC' });
    await record(X, 'FindingDrafted');
    await record(X, 'EvidenceRegistered');
    await record(Y, 'EvidenceRegistered');
    expect(publicTypes()).toEqual(['a:IncidentReported', 'a:CaseClassified', 'a:EvidenceRegistered']);
    // The index still lists every event of the agreement for its parties and the mechanism.
    expect(timelineEntries(runner, A, { limit: 100 })).toHaveLength(7);
  });

  it('unmarks a case classified down, and keeps its later events unmarked', async () => {
    await record(X, 'IncidentReported');
    await record(X, 'CaseClassified', { level: 'PUBLIC' });
    expect(publicTypes()).toEqual(['a:IncidentReported', 'a:CaseClassified']);
    await record(X, 'CaseClassified', { level: 'PARTIES' });
    await record(X, 'EvidenceRegistered');
    expect(publicTypes()).toEqual([]);
  });

  it('pages the public entries after a position, in log order', async () => {
    await record(X, 'IncidentReported');
    await record(X, 'CaseClassified', { level: 'PUBLIC' });
    await record(X, 'EvidenceRegistered');
    const [first, ...rest] = publicTimelineEntries(runner, { limit: 100 });
    expect(publicTimelineEntries(runner, { after: first.position, limit: 1 })).toEqual([rest[0]]);
  });
});
