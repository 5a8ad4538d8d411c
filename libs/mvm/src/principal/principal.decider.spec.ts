import { DeciderSpecification } from '@ceasefire/decider/testing';
import { actors, NOW } from '../testing/fixtures';
import { principalDecider, type RegisterPrincipal } from './principal.decider';

const spec = DeciderSpecification.for(principalDecider);
const register = (over: Partial<RegisterPrincipal> = {}): RegisterPrincipal => ({
  type: 'RegisterPrincipal',
  actor: actors.admin,
  now: NOW,
  principalId: 'p1',
  name: 'PK liaison',
  role: 'party',
  party: 'PK',
  tokenVerifier: 'hmac:' + 'c'.repeat(64),
  ...over,
});

describe('principal decider', () => {
  it('registers a principal with the hash of its token', () =>
    spec
      .given([])
      .when(register())
      .then([
        {
          type: 'PrincipalRegistered',
          data: {
            principalId: 'p1',
            name: 'PK liaison',
            role: 'party',
            party: 'PK',
            tokenVerifier: 'hmac:' + 'c'.repeat(64),
            registeredBy: 'p-admin',
          },
        },
      ]));
  it('rejects anyone but an admin, a taken id, and a party binding that does not fit the role', () => {
    spec
      .given([])
      .when(register({ actor: actors.turkiye }))
      .thenThrows('RoleNotAllowed', 'forbidden');
    spec
      .given([
        {
          type: 'PrincipalRegistered',
          data: { principalId: 'p1', name: 'x', role: 'monitor', party: null, tokenSha256: 'c', registeredBy: 'a' },
        },
      ])
      .when(register())
      .thenThrows('PrincipalAlreadyRegistered');
    spec
      .given([])
      .when(register({ party: null }))
      .thenThrows('PartyOnlyForPartyRole', 'invalid');
    spec
      .given([])
      .when(register({ role: 'monitor' }))
      .thenThrows('PartyOnlyForPartyRole');
    spec
      .given([])
      .when(register({ role: 'king' as never, party: null }))
      .thenThrows('KnownRole');
  });
});
