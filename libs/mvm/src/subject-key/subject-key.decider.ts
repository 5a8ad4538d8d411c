import { conflict, type Decider, type DomainEvent, eventTypes } from '@ceasefire/decider';
import { type Actor, requireRole } from '../shared/actor';

/**
 * Erasure by crypto-shredding: the subject's key is destroyed, so every value sealed under it can never
 * be read again, while the log, its proofs and exports still verify. One stream per subject key.
 */
export type SubjectKeyEvent = DomainEvent<
  'SubjectKeyShredded',
  { subjectKeyId: string; reason: string; authorisedBy: string; at: string }
>;

export interface ShredSubjectKey {
  type: 'ShredSubjectKey';
  actor: Actor;
  now: string;
  subjectKeyId: string;
  reason: string;
}

export type SubjectKeyState = { shredded: boolean };

export const subjectKeyDecider: Decider<ShredSubjectKey, SubjectKeyEvent, SubjectKeyState> = {
  initialState: () => ({ shredded: false }),
  evolve: () => ({ shredded: true }),
  decide: (c, state) => {
    requireRole(c.actor, ['mediator', 'admin'], "erase a subject's personal data");
    if (state.shredded) throw conflict('AlreadyShredded', `subject key ${c.subjectKeyId} is already shredded`);
    return [
      {
        type: 'SubjectKeyShredded',
        data: { subjectKeyId: c.subjectKeyId, reason: c.reason, authorisedBy: c.actor.principalId, at: c.now },
      },
    ];
  },
};

export const SUBJECT_KEY_EVENT_TYPES = eventTypes<SubjectKeyEvent>({ SubjectKeyShredded: true });

export const subjectKeyStream = (subjectKeyId: string) => `subjectkey-${subjectKeyId}`;
