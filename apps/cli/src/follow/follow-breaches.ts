import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type ApiClient,
  createApiClient,
  type FeedCloudEvent,
  must,
  type operations,
  parseFeedEvent,
  readEventStream,
} from '@ceasefire/api-client';
import { verifyConsistency, verifyInclusion, leafHashOf } from '../verify/offline-merkle';
import { parseKey, readSignedCheckpoint, readTlogProof } from '../verify/offline-note';
import { RecordDoesNotVerify } from '../cli-errors';

export interface FollowOptions {
  api: string;
  token: string;
  stateFile?: string;
  /** Check each breach against its receipt and the signed checkpoint. */
  verify?: boolean;
  /** The log's verifier key; otherwise the first run trusts the one the API serves and keeps it in the state. */
  logKey?: string;
  /** Which breaches: of an agreement, concerning a party, from a severity on. */
  query?: Omit<NonNullable<operations['followBreaches']['parameters']['query']>, 'after'>;
  signal: AbortSignal;
  /** How long to wait for a checkpoint that covers a new event (the log signs every few seconds). */
  receiptWaitMs?: number;
}

interface FollowState {
  lastEventId?: string;
  logKey?: string;
  checkpoint?: { size: number; root: string };
}

export interface FollowedBreach {
  position: string;
  cloudEvent: FeedCloudEvent;
  /** The ledger index the breach was proven at, with --verify. */
  verifiedAt?: number;
}

/**
 * A reference subscriber: follows the breach feed from where its state file says it stopped, and with
 * `verify` proves each breach is in the signed log before handing it on. The state (last event id,
 * pinned log key, last checkpoint seen) is saved after each breach, so a restart neither skips nor repeats.
 */
export async function* followBreaches(options: FollowOptions): AsyncGenerator<FollowedBreach> {
  const state: FollowState =
    options.stateFile && existsSync(options.stateFile)
      ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as FollowState)
      : {};
  const api = createApiClient({ baseUrl: options.api, token: options.token });
  if (options.verify) {
    state.logKey ??=
      options.logKey ?? (await must(api.GET('/v1/ledger/key', { parseAs: 'text', signal: options.signal }))).trim();
    if (options.logKey && options.logKey.trim() !== state.logKey)
      throw new RecordDoesNotVerify('the pinned log key differs from the one this subscriber followed');
  }
  const connect = async (lastEventId: string | undefined) =>
    (
      await api.GET('/v1/feeds/breaches', {
        params: {
          query: options.query,
          header: lastEventId ? { 'Last-Event-ID': lastEventId } : undefined,
        },
        headers: { accept: 'text/event-stream' },
        parseAs: 'stream',
        signal: options.signal,
      })
    ).response;
  for await (const message of readEventStream(connect, state.lastEventId, options.signal)) {
    const cloudEvent = parseFeedEvent(message);
    const breach: FollowedBreach = { position: message.id, cloudEvent };
    if (options.verify) breach.verifiedAt = await prove(cloudEvent, state, api, options.receiptWaitMs ?? 30_000);
    state.lastEventId = message.id;
    if (options.stateFile) writeFileSync(options.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    yield breach;
  }
}

/** The event's receipt verifies against a checkpoint signed by the log key that extends the last one seen. */
const prove = async (
  event: FollowedBreach['cloudEvent'],
  state: FollowState,
  api: ApiClient,
  waitMs: number,
): Promise<number> => {
  const end = Date.now() + waitMs;
  const receiptOf = () =>
    api.GET('/v1/events/{eventId}/receipt', { params: { path: { eventId: event.id } }, parseAs: 'text' });
  let receipt = await receiptOf();
  // Not in the ledger yet (404), or no signed checkpoint covers it yet (409): the log signs every few seconds.
  while ((receipt.response.status === 409 || receipt.response.status === 404) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    receipt = await receiptOf();
  }
  if (receipt.data === undefined)
    throw new Error(`no receipt for ${event.id}: ${receipt.response.status} ${receipt.error?.detail ?? ''}`);
  const proof = readTlogProof(receipt.data);
  const checkpoint = readSignedCheckpoint(proof.note, parseKey(state.logKey as string));
  const entry = await must(
    api.GET('/v1/ledger/entries', { params: { query: { start: proof.index, end: proof.index + 1 } } }),
  );
  const found = entry.entries[0];
  // An entry withheld from this reader still proves by its leaf hash, which must be the event's hash.
  const envelope = found && 'envelope' in found ? found.envelope : undefined;
  const leaf = envelope !== undefined ? leafHashOf(envelope) : Buffer.from(found?.leafHash ?? '', 'hex');
  const sameEvent =
    leaf.toString('hex') === event.eventhash &&
    (envelope === undefined || (JSON.parse(envelope) as { eventId: string }).eventId === event.id);
  if (!sameEvent)
    throw new RecordDoesNotVerify(`breach ${event.id}: the ledger entry at ${proof.index} is not this event`);
  if (!verifyInclusion(proof.index, checkpoint.size, leaf, proof.path, checkpoint.root))
    throw new RecordDoesNotVerify(`breach ${event.id}: its inclusion proof does not give the signed root`);
  const seen = state.checkpoint;
  if (seen && seen.size !== checkpoint.size) {
    const [from, to, a, b] =
      seen.size < checkpoint.size
        ? [seen.size, checkpoint.size, Buffer.from(seen.root, 'base64'), checkpoint.root]
        : [checkpoint.size, seen.size, checkpoint.root, Buffer.from(seen.root, 'base64')];
    const consistency = await must(api.GET('/v1/ledger/proofs/consistency', { params: { query: { from, to } } }));
    if (
      !verifyConsistency(
        from,
        to,
        a,
        b,
        consistency.hashes.map((h) => Buffer.from(h, 'base64')),
      )
    )
      throw new RecordDoesNotVerify(`the log's checkpoints of size ${from} and ${to} are inconsistent: a split view`);
  } else if (seen && !Buffer.from(seen.root, 'base64').equals(checkpoint.root))
    throw new RecordDoesNotVerify(`two different roots for size ${seen.size}: a split view`);
  if (!seen || checkpoint.size > seen.size)
    state.checkpoint = { size: checkpoint.size, root: checkpoint.root.toString('base64') };
  return proof.index;
};
