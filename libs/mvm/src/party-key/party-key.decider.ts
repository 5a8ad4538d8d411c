import { conflict, type Decider, type DomainEvent, forbidden, notFound, eventTypes } from '@ceasefire/decider';
import { type Actor, requireRole } from '../shared/actor';
import { isAfter } from '../shared/time';

/** A party's signing keys (Ed25519 JWK), one stream per party, so the log orders registrations and revocations. */
export type PartyKeyEvent =
  | DomainEvent<
      'PartyKeyRegistered',
      { party: string; keyId: string; jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string }; registeredBy: string }
    >
  | DomainEvent<
      'PartyKeyRevoked',
      {
        party: string;
        keyId: string;
        reason: string;
        compromisedSince: string | null;
        revokedAt: string;
        revokedBy: string;
      }
    >;

export type PartyKeyCommand =
  | {
      type: 'RegisterPartyKey';
      actor: Actor;
      now: string;
      party: string;
      keyId: string;
      jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
    }
  | {
      type: 'RevokePartyKey';
      actor: Actor;
      now: string;
      party: string;
      keyId: string;
      reason: string;
      compromisedSince: string | null;
    };

export type PartyKeysState = { keys: Record<string, { revoked: boolean }> };

const actsForParty = (actor: Actor, party: string) => {
  requireRole(actor, ['party', 'admin'], 'manage party keys');
  if (actor.role === 'party' && actor.party !== party)
    throw forbidden('OwnKeysOnly', `a party manages only its own keys, not ${party}'s`);
};

export const partyKeyDecider: Decider<PartyKeyCommand, PartyKeyEvent, PartyKeysState> = {
  initialState: () => ({ keys: {} }),
  evolve: (state, event) => ({
    keys: { ...state.keys, [event.data.keyId]: { revoked: event.type === 'PartyKeyRevoked' } },
  }),
  decide: (c, state) => {
    actsForParty(c.actor, c.party);
    if (c.type === 'RegisterPartyKey') {
      if (state.keys[c.keyId]) throw conflict('KeyAlreadyRegistered', `key ${c.keyId} is already registered`);
      return [
        {
          type: 'PartyKeyRegistered',
          data: { party: c.party, keyId: c.keyId, jwk: c.jwk, registeredBy: c.actor.principalId },
        },
      ];
    }
    const key = state.keys[c.keyId];
    if (!key) throw notFound('KeyNotFound', `no key ${c.keyId} for ${c.party}`);
    if (key.revoked) throw conflict('KeyAlreadyRevoked', `key ${c.keyId} is already revoked`);
    if (c.compromisedSince && isAfter(c.compromisedSince, c.now))
      throw conflict('CompromiseInThePast', 'compromisedSince cannot be in the future');
    return [
      {
        type: 'PartyKeyRevoked',
        data: {
          party: c.party,
          keyId: c.keyId,
          reason: c.reason,
          compromisedSince: c.compromisedSince,
          revokedAt: c.now,
          revokedBy: c.actor.principalId,
        },
      },
    ];
  },
};

export const PARTY_KEY_EVENT_TYPES = eventTypes<PartyKeyEvent>({ PartyKeyRegistered: true, PartyKeyRevoked: true });

/** One stream per party, so the log orders its key registrations and revocations. */
export const partyKeysStream = (party: string) => `partykeys-${party}`;
