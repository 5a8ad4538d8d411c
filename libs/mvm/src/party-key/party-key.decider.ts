import { conflict, type Decider, type DomainEvent, eventTypes, forbidden, notFound } from '@ceasefire/decider';
import { type Actor, requireRole } from '../shared/actor';
import { isAfter } from '../shared/time';

type Jwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };

/**
 * A party's signing key (Ed25519 JWK). Its id is the SHA-256 of the public key, and it has a stream of
 * its own, so the first party to register a key owns it for ever and a revocation is final.
 */
export type PartyKeyEvent =
  | DomainEvent<'PartyKeyRegistered', { party: string; keyId: string; jwk: Jwk; registeredBy: string }>
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
    >
  /** A mediator institution vouches that the key is the party's: told apart from a key only its account registered. */
  | DomainEvent<
      'PartyKeyAcknowledged',
      { party: string; keyId: string; institution: string; acknowledgedBy: string; at: string }
    >;

/** What the registry already says of a key id, from keys registered before keys had streams of their own. */
export interface KnownKey {
  party: string;
  revoked: boolean;
}

interface Base {
  actor: Actor;
  now: string;
  party: string;
  keyId: string;
  known: KnownKey | null;
}

export type PartyKeyCommand =
  | (Base & { type: 'RegisterPartyKey'; jwk: Jwk })
  | (Base & { type: 'RevokePartyKey'; reason: string; compromisedSince: string | null })
  | (Base & { type: 'AcknowledgePartyKey' });

export type PartyKeyState = { owner: string | null; revoked: boolean; acknowledgedBy: string[] };

const keyOf = (state: PartyKeyState, c: PartyKeyCommand): KnownKey | null =>
  state.owner ? { party: state.owner, revoked: state.revoked } : c.known;

const registered = (state: PartyKeyState, c: PartyKeyCommand): KnownKey => {
  const key = keyOf(state, c);
  if (!key || key.party !== c.party) throw notFound('KeyNotFound', `no key ${c.keyId} for ${c.party}`);
  return key;
};

export const decidePartyKey = (c: PartyKeyCommand, state: PartyKeyState): PartyKeyEvent[] => {
  const { party, keyId } = c;
  switch (c.type) {
    case 'RegisterPartyKey': {
      // Only the party's own principal: an admin, who mints principals, must not be able to mint a party's voice.
      requireRole(c.actor, ['party'], "register a party's signing key");
      if (c.actor.party !== party)
        throw forbidden('OwnKeysOnly', `a party registers only its own keys, not ${party}'s`);
      const key = keyOf(state, c);
      if (key?.party && key.party !== party)
        throw conflict(
          'KeyBelongsToAnotherParty',
          `key ${keyId} was registered first by ${key.party} and stays theirs`,
        );
      if (key?.revoked)
        throw conflict('KeyRevokedForGood', `key ${keyId} was revoked; a revoked key is never registered again`);
      if (key) throw conflict('KeyAlreadyRegistered', `key ${keyId} is already registered`);
      return [{ type: 'PartyKeyRegistered', data: { party, keyId, jwk: c.jwk, registeredBy: c.actor.principalId } }];
    }
    case 'RevokePartyKey': {
      requireRole(c.actor, ['party', 'admin'], 'revoke a party key');
      if (c.actor.role === 'party' && c.actor.party !== party)
        throw forbidden('OwnKeysOnly', `a party revokes only its own keys, not ${party}'s`);
      if (registered(state, c).revoked) throw conflict('KeyAlreadyRevoked', `key ${keyId} is already revoked`);
      if (c.compromisedSince && isAfter(c.compromisedSince, c.now))
        throw conflict('CompromiseInThePast', 'compromisedSince cannot be in the future');
      const { reason, compromisedSince } = c;
      const by = c.actor.principalId;
      return [
        { type: 'PartyKeyRevoked', data: { party, keyId, reason, compromisedSince, revokedAt: c.now, revokedBy: by } },
      ];
    }
    case 'AcknowledgePartyKey': {
      requireRole(c.actor, ['mediator'], "acknowledge a party's key");
      const institution = c.actor.institution;
      if (!institution)
        throw forbidden('MediatorOfInstitution', 'this mediator principal belongs to no mediator institution');
      if (registered(state, c).revoked) throw conflict('KeyAlreadyRevoked', `key ${keyId} is revoked`);
      if (state.acknowledgedBy.includes(institution))
        throw conflict('AlreadyAcknowledged', `${institution} has already acknowledged key ${keyId}`);
      return [
        {
          type: 'PartyKeyAcknowledged',
          data: { party, keyId, institution, acknowledgedBy: c.actor.principalId, at: c.now },
        },
      ];
    }
    default: {
      const unexpected: never = c;
      return unexpected;
    }
  }
};

export const evolvePartyKey = (state: PartyKeyState, event: PartyKeyEvent): PartyKeyState => {
  switch (event.type) {
    case 'PartyKeyRegistered':
      return state.owner ? state : { ...state, owner: event.data.party };
    case 'PartyKeyRevoked':
      return { ...state, revoked: true };
    case 'PartyKeyAcknowledged':
      return { ...state, acknowledgedBy: [...state.acknowledgedBy, event.data.institution] };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

export const partyKeyDecider: Decider<PartyKeyCommand, PartyKeyEvent, PartyKeyState> = {
  initialState: () => ({ owner: null, revoked: false, acknowledgedBy: [] }),
  evolve: evolvePartyKey,
  decide: decidePartyKey,
};

export const PARTY_KEY_EVENT_TYPES = eventTypes<PartyKeyEvent>({
  PartyKeyRegistered: true,
  PartyKeyRevoked: true,
  PartyKeyAcknowledged: true,
});

/** One stream per key: the first registration of a key id wins, whichever party tries next. */
export const partyKeyStream = (keyId: string) => `partykey-${keyId}`;

/** Where keys were kept before each had its own stream; still read, never written. */
export const legacyPartyKeysStream = (party: string) => `partykeys-${party}`;
