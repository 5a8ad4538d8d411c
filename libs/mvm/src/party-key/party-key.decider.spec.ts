import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import { type PartyKeyCommand, partyKeyDecider, type PartyKeyEvent } from './party-key.decider';

const spec = DeciderSpecification.for(partyKeyDecider);
const jwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: 'pk-public-key' };
const base = { now: NOW, keyId: 'k1', known: null };
const register = (over: Partial<PartyKeyCommand> = {}) =>
  ({ ...base, type: 'RegisterPartyKey', actor: actors.pakistan, party: 'PK', jwk, ...over }) as PartyKeyCommand;
const revoke = (over: Partial<PartyKeyCommand> = {}) =>
  ({
    ...base,
    type: 'RevokePartyKey',
    actor: actors.pakistan,
    party: 'PK',
    reason: 'rotated',
    compromisedSince: null,
    ...over,
  }) as PartyKeyCommand;
const registered: PartyKeyEvent = {
  type: 'PartyKeyRegistered',
  data: { party: 'PK', keyId: 'k1', jwk, registeredBy: 'p-pk' },
};
const revoked: PartyKeyEvent = {
  type: 'PartyKeyRevoked',
  data: { party: 'PK', keyId: 'k1', reason: 'rotated', compromisedSince: null, revokedAt: NOW, revokedBy: 'p-pk' },
};

describe('party key decider', () => {
  it("registers a key by the party's own principal", () => spec.given([]).when(register()).then([registered]));

  it("keeps a key id with the first party that registered it: AF cannot take over PK's key", () => {
    spec
      .given([registered])
      .when(register({ actor: actors.afghanistan, party: 'AF' }))
      .thenThrows('KeyBelongsToAnotherParty', 'conflict');
    // A key registered before keys had their own streams is known to the registry only.
    spec
      .given([])
      .when(register({ actor: actors.afghanistan, party: 'AF', known: { party: 'PK', revoked: false } }))
      .thenThrows('KeyBelongsToAnotherParty');
  });

  it('makes revocation final: a revoked key is never registered again, by anyone', () => {
    spec.given([registered, revoked]).when(register()).thenThrows('KeyRevokedForGood', 'conflict');
    spec
      .given([registered, revoked])
      .when(register({ actor: actors.afghanistan, party: 'AF' }))
      .thenThrows('KeyBelongsToAnotherParty');
    spec.given([registered, revoked]).when(revoke()).thenThrows('KeyAlreadyRevoked');
  });

  it("does not let an admin, a monitor or another party register a party's key", () => {
    spec
      .given([])
      .when(register({ actor: actors.admin }))
      .thenThrows('RoleNotAllowed', 'forbidden');
    spec
      .given([])
      .when(register({ actor: actors.monitor }))
      .thenThrows('RoleNotAllowed');
    spec
      .given([])
      .when(register({ actor: actors.afghanistan }))
      .thenThrows('OwnKeysOnly', 'forbidden');
  });

  it('revokes, by the party or an admin, naming a compromise only in the past', () => {
    spec.given([registered]).when(revoke()).then([revoked]);
    spec
      .given([registered])
      .when(revoke({ actor: actors.admin }))
      .thenContains([{ type: 'PartyKeyRevoked' }]);
    spec
      .given([registered])
      .when(revoke({ compromisedSince: '2030-01-01T00:00:00.000Z' } as never))
      .thenThrows('CompromiseInThePast');
    spec.given([]).when(revoke()).thenThrows('KeyNotFound', 'not_found');
    spec
      .given([registered])
      .when(revoke({ actor: actors.afghanistan, party: 'AF' }))
      .thenThrows('KeyNotFound');
  });

  it('is acknowledged once per mediator institution', () => {
    const ack = (actor: typeof actors.turkiye) =>
      ({ ...base, type: 'AcknowledgePartyKey', actor, party: 'PK' }) as PartyKeyCommand;
    const acknowledged: PartyKeyEvent = {
      type: 'PartyKeyAcknowledged',
      data: { party: 'PK', keyId: 'k1', institution: 'TR', acknowledgedBy: 'p-tr', at: NOW },
    };
    spec.given([registered]).when(ack(actors.turkiye)).then([acknowledged]);
    spec.given([registered, acknowledged]).when(ack(actors.turkiye2)).thenThrows('AlreadyAcknowledged');
    spec
      .given([registered])
      .when(ack(actors.monitor as never))
      .thenThrows('RoleNotAllowed');
  });
});
