import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import { partyKeyDecider, type PartyKeyEvent } from './party-key.decider';

const spec = DeciderSpecification.for(partyKeyDecider);
const jwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: 'abc' };
const registered: PartyKeyEvent = {
  type: 'PartyKeyRegistered',
  data: { party: 'PK', keyId: 'k1', jwk, registeredBy: 'p-pk' },
};
const register = { type: 'RegisterPartyKey' as const, actor: actors.pakistan, now: NOW, party: 'PK', keyId: 'k1', jwk };
const revoke = {
  type: 'RevokePartyKey' as const,
  actor: actors.pakistan,
  now: NOW,
  party: 'PK',
  keyId: 'k1',
  reason: 'rotated',
  compromisedSince: null,
};

describe('party key decider', () => {
  it('lets a party register its own key once', () => {
    spec.given([]).when(register).then([registered]);
    spec.given([registered]).when(register).thenThrows('KeyAlreadyRegistered', 'conflict');
  });
  it("rejects a party managing another party's keys, and roles other than party or admin", () => {
    spec
      .given([])
      .when({ ...register, actor: actors.afghanistan })
      .thenThrows('OwnKeysOnly', 'forbidden');
    spec
      .given([])
      .when({ ...register, actor: actors.monitor })
      .thenThrows('RoleNotAllowed', 'forbidden');
  });
  it('revokes a key once, with an optional moment of compromise in the past', () => {
    spec
      .given([registered])
      .when({ ...revoke, compromisedSince: '2025-10-31T00:00:00.000Z' })
      .then([
        {
          type: 'PartyKeyRevoked',
          data: {
            party: 'PK',
            keyId: 'k1',
            reason: 'rotated',
            compromisedSince: '2025-10-31T00:00:00.000Z',
            revokedAt: NOW,
            revokedBy: 'p-pk',
          },
        },
      ]);
    spec.given([]).when(revoke).thenThrows('KeyNotFound', 'not_found');
    spec
      .given([
        registered,
        {
          type: 'PartyKeyRevoked',
          data: { party: 'PK', keyId: 'k1', reason: 'r', compromisedSince: null, revokedAt: NOW, revokedBy: 'p-pk' },
        },
      ])
      .when(revoke)
      .thenThrows('KeyAlreadyRevoked');
    spec
      .given([registered])
      .when({ ...revoke, compromisedSince: '2026-12-01T00:00:00.000Z' })
      .thenThrows('CompromiseInThePast');
  });
});
