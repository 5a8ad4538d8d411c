import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { signedHeaders } from './support/submission-signing';
import { formatCheckpoint, type NoteSigner, noteKeyHash, parseSignerKey, signNote } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { auditDataDir } from '../../apps/cli/src/verify/audit-data-dir';
import { leafHashOf, RootBuilder } from '../../apps/cli/src/verify/offline-merkle';
import { newWitnessKey, readWitnessKey } from '../../apps/cli/src/witness/witness-key';
import { witnessOnce } from '../../apps/cli/src/witness/witness-once';
import { CheckpointSigner } from '../../apps/api/src/ledger/checkpoint-signer';
import { agreementBody, airIncursionReport, raidReport } from './support/case-data';
import { ADMIN_TOKEN, TestApi } from './support/test-api';

type Row = { position: number; stream: string; revision: number; hash: string; envelope: string };
type Envelope = {
  stream: string;
  revision: number;
  prevHash: string;
  eventId: string;
  type: string;
  recordedAt: string;
  metadata: any;
};

/**
 * An insider with the data directory (and even the log's signing key) changes the record in every way
 * they could; the auditor holds the log key, a witness key and a checkpoint they fetched earlier.
 */
describe('tamper evidence: every insider change to the store is caught', () => {
  let pristine: string;
  let logKey: string;
  let held: string;
  let witnessState: string;
  const witness = { name: 'witness.mediator-qa.example', ...newWitnessKey('witness.mediator-qa.example') };

  const wait = async (api: TestApi) => {
    const head = (await api.get('/health')).body.store.head;
    await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { projections: ['ledger'] });
    return api.app.get(CheckpointSigner).sign();
  };

  beforeAll(async () => {
    const api = await TestApi.start();
    const tr = await api.principal('TR', 'mediator');
    const pk = await api.principal('PK', 'party', 'PK');
    const af = await api.principal('AF', 'party', 'AF');
    const auditor = await api.principal('Auditor', 'auditor');
    await api.post('/v1/ledger/witnesses', ADMIN_TOKEN, {
      name: witness.name,
      key: witness.verifierKey,
      operator: 'QA',
    });
    const pkKey = generateKeyPairSync('ed25519');
    const x = (pkKey.publicKey.export({ format: 'jwk' }) as { x: string }).x;
    const keyId = (await api.post('/v1/parties/PK/keys', pk, { jwk: { kty: 'OKP', crv: 'Ed25519', x } })).body.keyId;
    const agreement = (await api.post('/v1/agreements', tr, agreementBody)).body.id;
    for (let i = 0; i < 3; i++) {
      const target = `/v1/agreements/${agreement}/incidents`;
      const signed = await api.post(
        target,
        pk,
        raidReport,
        signedHeaders({ target, body: raidReport }, keyId, pkKey.privateKey),
      );
      expect(signed.status).toBe(201);
      const statement = { response: 'DENY', statement: `No group crossed from our side (${i}).` };
      expect((await api.post(`/v1/incidents/${signed.body.id}/responses`, af, statement)).status).toBe(201);
      await api.post(`/v1/agreements/${agreement}/incidents`, af, airIncursionReport);
    }
    witnessState = join(mkdtempSync(join(tmpdir(), 'ledger-tamper-witness-')), 'state.json');
    const key = readWitnessKey(witness.secret);
    await wait(api);
    await witnessOnce({ log: api.base, token: tr, key, stateFile: witnessState });
    held = (await api.get('/v1/ledger/checkpoint', auditor)).body;
    for (let i = 0; i < 2; i++) await api.post(`/v1/agreements/${agreement}/incidents`, af, airIncursionReport);
    await wait(api);
    await witnessOnce({ log: api.base, token: tr, key, stateFile: witnessState });
    logKey = (await api.get('/v1/ledger/key', auditor)).body.trim();
    pristine = api.dataDir;
    await api.stop();
  });

  const audit = (dir: string) =>
    auditDataDir(dir, { key: logKey, witnesses: [witness.verifierKey], policy: 1, since: [held] });

  const copyOf = (mutate: (dir: string, events: Database.Database, readModels: Database.Database) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
    cpSync(pristine, dir, { recursive: true });
    const events = new Database(join(dir, 'events.sqlite'));
    const readModels = new Database(join(dir, 'read-models.sqlite'));
    mutate(dir, events, readModels);
    events.close();
    readModels.close();
    return dir;
  };

  const rows = (db: Database.Database) =>
    db.prepare('SELECT position, stream, revision, hash, envelope FROM events ORDER BY position').all() as Row[];
  /** An event in the middle of the log whose stream has later events: the hardest place to hide an edit. */
  const middle = (db: Database.Database) => {
    const all = rows(db);
    return all.find(
      (r, i) => i > all.length / 3 && all.some((s) => s.stream === r.stream && s.revision === r.revision + 1),
    ) as Row;
  };
  const store = (db: Database.Database, position: number, envelope: Envelope) => {
    const text = canonicalize(envelope) as string;
    const hash = leafHashOf(text).toString('hex');
    db.prepare('UPDATE events SET envelope = ?, hash = ?, type = ? WHERE position = ?').run(
      text,
      hash,
      envelope.type,
      position,
    );
    return hash;
  };
  /** Edits one envelope and, like a careful insider, recomputes its hash and re-chains the rest of its stream. */
  const rewrite = (db: Database.Database, row: Row, edit: (e: Envelope) => void) => {
    const envelope = JSON.parse(row.envelope) as Envelope;
    edit(envelope);
    let hash = store(db, row.position, envelope);
    for (const later of rows(db).filter((r) => r.stream === row.stream && r.revision > row.revision)) {
      hash = store(db, later.position, { ...(JSON.parse(later.envelope) as Envelope), prevHash: hash });
    }
  };
  /** The insider also holds the log's signing key and signs a checkpoint over the tree as it now stands. */
  const resign = (dir: string, events: Database.Database, readModels: Database.Database, signer?: NoteSigner) => {
    const tree = new RootBuilder();
    for (const r of rows(events)) tree.add(leafHashOf(r.envelope));
    const key = signer ?? parseSignerKey(readFileSync(join(dir, 'ledger-signing.key'), 'utf8'));
    const origin = held.split('\n')[0];
    const note = signNote(formatCheckpoint({ origin, size: tree.count, root: tree.root() }), [key]);
    const signed = new Database(join(dir, 'checkpoints.sqlite'));
    signed.prepare('DELETE FROM ledger_checkpoints').run();
    signed.prepare('INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)').run(tree.count, tree.root(), note, 'now');
    signed.close();
  };

  it('passes the untouched store: signatures, cosignature, the held checkpoint, every chain and signature', async () => {
    const report = await audit(pristine);
    expect(report.failure).toBeUndefined();
    expect(report).toMatchObject({ ok: true, cosigners: [witness.name], signedSubmissions: 3 });
    expect(report.extends).toContain(Number(held.split('\n')[1]));
  });

  const cases: [string, RegExp, (dir: string, events: Database.Database, readModels: Database.Database) => void][] = [
    [
      'a byte of event data edited in place',
      /stored hash is not the hash/,
      (_dir, db) => {
        const row = middle(db);
        db.prepare('UPDATE events SET envelope = ? WHERE position = ?').run(
          row.envelope.replace('"data":{"', '"data":{"_'),
          row.position,
        );
      },
    ],
    [
      'a byte of event data edited, its hash recomputed',
      /prevHash is not the hash/,
      (_dir, db) => {
        const row = middle(db);
        const text = row.envelope.replace(/"description":"(.)/, '"description":"X');
        db.prepare('UPDATE events SET envelope = ?, hash = ? WHERE position = ?').run(
          text,
          leafHashOf(text).toString('hex'),
          row.position,
        );
      },
    ],
    [
      'metadata edited (another principal), the stream re-chained',
      /never registered|do not give the root of the checkpoint of that size you hold/,
      (_dir, db) => rewrite(db, middle(db), (e) => (e.metadata.principal = 'someone-else')),
    ],
    [
      'an event type changed, the stream re-chained',
      /do not give the root|do not give the signed root/,
      (_dir, db) => rewrite(db, middle(db), (e) => (e.type = 'IncidentWithdrawn')),
    ],
    [
      'two events of different streams swapped',
      /do not give the root|do not give the signed root/,
      (_dir, db) => {
        const all = rows(db);
        const [a, b] = [all[5], all.find((r, i) => i > 5 && r.stream !== all[5].stream) as Row];
        const move = db.prepare('UPDATE events SET position = ? WHERE position = ?');
        move.run(-1, a.position);
        move.run(a.position, b.position);
        move.run(b.position, -1);
      },
    ],
    [
      'a middle event deleted',
      /revisions? (follows|are missing|is missing)/,
      (_dir, db) => db.prepare('DELETE FROM events WHERE position = ?').run(middle(db).position),
    ],
    [
      'the tail truncated',
      /the tail was dropped/,
      (_dir, db) => db.prepare('DELETE FROM events WHERE position > (SELECT MAX(position) - 3 FROM events)').run(),
    ],
    [
      'a forged event appended and signed with the log’s own key',
      /valid cosignatures of the 1 required/,
      (dir, db, readModels) => {
        const last = rows(db).at(-1) as Row;
        const forged = { ...(JSON.parse(last.envelope) as Envelope), revision: last.revision + 1, prevHash: last.hash };
        forged.eventId = '00000000-0000-4000-8000-000000000001';
        const text = canonicalize(forged) as string;
        db.prepare(
          'INSERT INTO events (event_id, stream, category, revision, type, hash, envelope) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(
          forged.eventId,
          last.stream,
          'incident',
          forged.revision,
          forged.type,
          leafHashOf(text).toString('hex'),
          text,
        );
        resign(dir, db, readModels);
      },
    ],
    [
      'history rewritten consistently and re-signed with the log’s own key',
      /history was rewritten|valid cosignatures/,
      (dir, db, readModels) => {
        rewrite(db, middle(db), (e) => (e.recordedAt = '2025-10-01T00:00:00.000Z'));
        resign(dir, db, readModels);
      },
    ],
    [
      'the checkpoint re-signed with an unknown key under the log’s name',
      /no valid signature by/,
      (dir, db, readModels) => {
        const fresh = generateKeyPairSync('ed25519');
        const name = logKey.split('+')[0];
        const signer: NoteSigner = {
          name,
          keyHash: noteKeyHash(name, fresh.publicKey.export({ format: 'der', type: 'spki' }).subarray(12)),
          publicKey: fresh.publicKey,
          privateKey: fresh.privateKey,
        };
        resign(dir, db, readModels, signer);
      },
    ],
    [
      'a party’s submission signature forged, the stream re-chained',
      /submission signature by key .* does not verify/,
      (_dir, db) => {
        const row = rows(db).find((r) => r.envelope.includes('"submission"')) as Row;
        rewrite(db, row, (e) => {
          const sig = Buffer.from(e.metadata.submission.sig, 'base64');
          sig[0] ^= 1;
          e.metadata.submission.sig = sig.toString('base64');
        });
      },
    ],
  ];

  it.each(cases)('catches %s', async (_name, expected, mutate) => {
    const report = await audit(copyOf(mutate));
    expect(report.ok).toBe(false);
    expect(report.failure?.message).toMatch(expected);
  });

  it('names the entry, stream and revision of a broken link', async () => {
    const report = await audit(
      copyOf((_dir, db) => db.prepare('DELETE FROM events WHERE position = ?').run(middle(db).position)),
    );
    expect(report.failure).toMatchObject({
      entry: expect.any(Number),
      stream: expect.stringMatching(/-/),
      revision: expect.any(Number),
    });
  });

  it('catches a different tree served to a witness', async () => {
    const dir = copyOf((_dir, db) => rewrite(db, middle(db), (e) => (e.recordedAt = '2025-10-01T00:00:00.000Z')));
    // The insider also drops the signed history, so the log signs the altered tree afresh.
    for (const file of ['read-models.sqlite', 'checkpoints.sqlite'])
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, file + suffix), { force: true });
    const api = await TestApi.start({ DATA_DIR: dir });
    try {
      const tr = await api.principal('TR again', 'mediator');
      await wait(api);
      const state = join(mkdtempSync(join(tmpdir(), 'ledger-tamper-witness-')), 'state.json');
      writeFileSync(state, readFileSync(witnessState));
      await expect(
        witnessOnce({ log: api.base, token: tr, key: readWitnessKey(witness.secret), stateFile: state }),
      ).rejects.toThrow(/inconsistent|split view/);
    } finally {
      await api.stop();
    }
  });
});
