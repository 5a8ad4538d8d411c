import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createApiClient, must } from '@ceasefire/api-client';
import { cosign, parseCheckpoint, parseVerifierKey, verifyConsistency, verifyNote } from '@ceasefire/ledger';
import type { WitnessKey } from './witness-key';
import { RecordDoesNotVerify } from '../cli-errors';

export interface WitnessState {
  origin: string;
  logKey: string;
  size: number;
  root: string;
}

export interface WitnessRun {
  log: string;
  token: string;
  key: WitnessKey;
  stateFile: string;
  /** Pins the log's verifier key; otherwise the first run trusts the key the log serves and keeps it. */
  logKey?: string;
  now?: () => number;
}

const text = { parseAs: 'text' } as const;

/**
 * One round of a witness: fetch the latest checkpoint, check the log's signature, check that it extends
 * what this witness cosigned before (a consistency proof; a smaller or different tree is a rollback or a
 * split view and is refused), cosign it, deliver the cosignature, and only then remember it.
 */
export const witnessOnce = async (run: WitnessRun): Promise<{ size: number; cosigned: boolean }> => {
  const state: WitnessState | undefined = existsSync(run.stateFile)
    ? (JSON.parse(readFileSync(run.stateFile, 'utf8')) as WitnessState)
    : undefined;
  const api = createApiClient({ baseUrl: run.log, token: run.token });
  const logKeyText = run.logKey ?? state?.logKey ?? (await must(api.GET('/v1/ledger/key', text))).trim();
  if (state && run.logKey && state.logKey !== run.logKey.trim())
    throw new RecordDoesNotVerify('the pinned log key differs from the one this witness followed');
  const logKey = parseVerifierKey(logKeyText);
  const note = await must(api.GET('/v1/ledger/checkpoint', text));
  if (!verifyNote(note, logKey)) throw new RecordDoesNotVerify('the checkpoint is not signed by the log key');
  const body = note.slice(0, note.indexOf('\n\n') + 1);
  const checkpoint = parseCheckpoint(body);
  if (state) {
    if (checkpoint.origin !== state.origin)
      throw new RecordDoesNotVerify(`the log now calls itself ${checkpoint.origin}, not ${state.origin}`);
    if (checkpoint.size < state.size)
      throw new RecordDoesNotVerify(
        `rollback: the log shows size ${checkpoint.size} after this witness cosigned ${state.size}`,
      );
    const previous = Buffer.from(state.root, 'base64');
    if (checkpoint.size === state.size) {
      if (!checkpoint.root.equals(previous))
        throw new RecordDoesNotVerify(`split view: two different roots for size ${state.size}`);
    } else {
      const proof = await must(
        api.GET('/v1/ledger/proofs/consistency', { params: { query: { from: state.size, to: checkpoint.size } } }),
      );
      const hashes = proof.hashes.map((h) => Buffer.from(h, 'base64'));
      if (!verifyConsistency(state.size, checkpoint.size, previous, checkpoint.root, hashes))
        throw new RecordDoesNotVerify(
          `inconsistent: the tree of ${checkpoint.size} does not extend the tree of ${state.size} this witness cosigned`,
        );
    }
  }
  const line = cosign(body, run.key.name, run.key.privateKey, Math.floor((run.now?.() ?? Date.now()) / 1000));
  await must(api.POST('/v1/ledger/cosignatures', { body: { size: checkpoint.size, line } }));
  const next: WitnessState = {
    origin: checkpoint.origin,
    logKey: logKeyText,
    size: checkpoint.size,
    root: checkpoint.root.toString('base64'),
  };
  writeFileSync(run.stateFile, `${JSON.stringify(next, null, 2)}\n`);
  return { size: checkpoint.size, cosigned: true };
};
