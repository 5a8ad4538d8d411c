import { type Checkpoint, cosignersOf, parseKey, parseWitnessKey, readSignedCheckpoint } from './offline-note';
import { VerifyFailure } from './verify-failure';

export interface VerifyOptions {
  /** The log's C2SP verifier key the auditor trusts. Without it the bundle's own key is used (with a warning). */
  key?: string;
  /** Witness verifier keys; `policy` of them (default: all) must have cosigned the checkpoint. */
  witnesses?: string[];
  policy?: number;
  /** Older checkpoints (signed notes) the auditor holds: the bundle's checkpoint must extend each. */
  since?: string[];
}

export interface CheckedCheckpoint {
  checkpoint: Checkpoint;
  cosigners: string[];
  older: Checkpoint[];
  warnings: string[];
}

/** The signature, the witness policy, and the older checkpoints, before any entry is read. */
export const checkCheckpoint = (note: string, options: VerifyOptions, carriedKey?: string): CheckedCheckpoint => {
  const warnings: string[] = [];
  const keyText = options.key ?? carriedKey;
  if (!keyText) throw new VerifyFailure('no log key: pass --key');
  if (!options.key)
    warnings.push(
      'no key was pinned with --key: the bundle was checked against the key it carries, which proves consistency, not origin',
    );
  const key = parseKey(keyText);
  const checkpoint = readSignedCheckpoint(note, key);
  const witnesses = (options.witnesses ?? []).map(parseWitnessKey);
  const cosigners = cosignersOf(note, witnesses);
  const needed = options.policy ?? witnesses.length;
  if (needed > witnesses.length)
    throw new VerifyFailure(
      `the policy needs ${needed} cosignatures, but only ${witnesses.length} witness keys were given`,
    );
  if (cosigners.length < needed)
    throw new VerifyFailure(
      `the checkpoint has ${cosigners.length} valid cosignatures of the ${needed} required (by ${cosigners.join(', ') || 'none'})`,
    );
  const older = (options.since ?? []).map((text) => {
    const old = readSignedCheckpoint(text, key);
    if (old.origin !== checkpoint.origin)
      throw new VerifyFailure(`an older checkpoint is for ${old.origin}, not ${checkpoint.origin}`);
    if (old.size > checkpoint.size)
      throw new VerifyFailure(
        `rollback: you hold a checkpoint of size ${old.size}; this one has only ${checkpoint.size}`,
      );
    return old;
  });
  return { checkpoint, cosigners, older, warnings };
};
